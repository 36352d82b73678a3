using Microsoft.Extensions.Options;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Scorecards;

namespace PmfBot.Bot.Publication;

/// <summary>
/// Answers the published addresses: the index, a board's or a directorate's scorecard as HTML or
/// CSV, and a page saying plainly what is wrong with an address (400 for a malformed quarter or
/// format, 404 for a board, directorate or quarter with nothing published).
/// </summary>
public sealed class PublishedPages(PublishedScorecards scorecards, IOptions<PublicationOptions> options, TimeProvider clock)
{
    private const int MaxEchoedLength = 60;

    public async Task<IResult> IndexAsync(string? period, CancellationToken cancellationToken)
    {
        Period? asked = null;
        if (period is not null)
        {
            if (BadQuarter(period, out var quarter) is { } bad)
            {
                return bad;
            }

            asked = quarter;
        }

        var contents = await scorecards.ContentsAsync(cancellationToken);
        if (asked is { } q && !contents.IsPublic(q))
        {
            return NotPublic(q, contents);
        }

        var shown = asked ?? (contents.Quarters.Count > 0 ? contents.Quarters[0] : null);
        var boardSlugs = BoardSlugs(contents);
        var directorateSlugs = DirectorateSlugs(contents);
        return Page(
            StatusCodes.Status200OK,
            shown is { } s ? $"Performance scorecards: {PublishedWords.PeriodName(s)}" : "Performance scorecards",
            page => ScorecardHtml.Index(page, contents, shown, id => boardSlugs[id], id => directorateSlugs[id]));
    }

    public async Task<IResult> BoardAsync(string period, string board, string? format, CancellationToken cancellationToken)
    {
        if (BadAddress(period, board, format, out var name, out var csv, out var quarter) is { } bad)
        {
            return bad;
        }

        var contents = await scorecards.ContentsAsync(cancellationToken);
        var slugs = BoardSlugs(contents);
        var found = PublishedAddresses.Find(contents.Boards, slugs, b => b.Id, name);
        if (found is null)
        {
            return NotFound($"There is no board at “{Echo(name)}” with a published scorecard. Boards that only scrutinise have none.");
        }

        if (!contents.IsPublic(quarter))
        {
            return NotPublic(quarter, contents);
        }

        var view = await scorecards.BoardAsync(found.Id, quarter, cancellationToken);
        if (view is null)
        {
            return NotFound($"There is no board at “{Echo(name)}” with a published scorecard.");
        }

        var slug = slugs[found.Id];
        if (csv)
        {
            var names = contents.Directorates.ToDictionary(d => d.Id, d => d.Name);
            return Csv($"{slug}-{quarter.Key}.csv", ScorecardCsv.Board(view, id => id is { } d ? names.GetValueOrDefault(d, "") : ""));
        }

        return Page(
            StatusCodes.Status200OK,
            view.Board.Name,
            page => ScorecardHtml.Board(page, view, PublishedAddresses.Board(quarter, slug, csv: true)));
    }

    public async Task<IResult> DirectorateAsync(string period, string directorate, string? format, CancellationToken cancellationToken)
    {
        if (BadAddress(period, directorate, format, out var name, out var csv, out var quarter) is { } bad)
        {
            return bad;
        }

        var contents = await scorecards.ContentsAsync(cancellationToken);
        var slugs = DirectorateSlugs(contents);
        var found = PublishedAddresses.Find(contents.Directorates, slugs, d => d.Id, name);
        if (found is null)
        {
            return NotFound($"There is no directorate with the code “{Echo(name)}”.");
        }

        if (!contents.IsPublic(quarter))
        {
            return NotPublic(quarter, contents);
        }

        var view = await scorecards.DirectorateAsync(found.Id, quarter, cancellationToken);
        if (view is null)
        {
            return NotFound($"There is no directorate with the code “{Echo(name)}”.");
        }

        var slug = slugs[found.Id];
        return csv
            ? Csv($"{slug}-{quarter.Key}.csv", ScorecardCsv.Directorate(view))
            : Page(
                StatusCodes.Status200OK,
                view.Directorate.Name,
                page => ScorecardHtml.Directorate(page, view, PublishedAddresses.Directorate(quarter, slug, csv: true)));
    }

    public IResult NotFound(string message) => Page(StatusCodes.Status404NotFound, "Page not found", page => ScorecardHtml.Problem(page, message));

    public IResult Problem(int status, string title, string message) => Page(status, title, page => ScorecardHtml.Problem(page, message));

    /// <summary>
    /// The one answer for a quarter the public may not see, whatever the address (index, board,
    /// directorate, CSV): a quarter not released yet says so; one not ended or empty says nothing is published.
    /// </summary>
    private IResult NotPublic(Period quarter, PublishedScorecards.Contents contents) =>
        contents.IsAwaitingRelease(quarter)
            ? NotFound(PublishedWords.NotReleasedYet(quarter))
            : NotFound($"Nothing has been published for {PublishedWords.PeriodName(quarter)}. A quarter's scorecards appear once it has ended, its first returns are in and the performance team has released it.");

    /// <summary>The name (without ".csv"), the format and the quarter a page's address asks for, or the page saying what is wrong with it.</summary>
    private IResult? BadAddress(string period, string segment, string? format, out string name, out bool csv, out Period quarter)
    {
        (name, var csvSuffix) = SplitCsv(segment);
        quarter = default;
        return BadFormat(format, csvSuffix, out csv) ?? BadQuarter(period, out quarter);
    }

    private IResult? BadQuarter(string key, out Period quarter)
    {
        if (!Period.TryParse(key, out quarter))
        {
            return Problem(StatusCodes.Status400BadRequest, "That is not a quarter",
                $"“{Echo(key)}” is not a quarter. Write the quarter as its financial year and number, for example 2025-26-Q2 for Quarter 2 2025/26 (July to September 2025).");
        }

        return quarter.Kind == PeriodKind.Quarter
            ? null
            : Problem(StatusCodes.Status400BadRequest, "Scorecards are published by quarter",
                $"{PublishedWords.PeriodName(quarter)} is not a quarter: scorecards are published by quarter, for example {Period.Containing(quarter.End, PeriodKind.Quarter).Key}.");
    }

    private IResult? BadFormat(string? format, bool csvSuffix, out bool csv)
    {
        csv = csvSuffix || string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        return format is null || format.Equals("csv", StringComparison.OrdinalIgnoreCase) || (format.Equals("html", StringComparison.OrdinalIgnoreCase) && !csvSuffix)
            ? null
            : Problem(StatusCodes.Status400BadRequest, "Unknown format", $"“{Echo(format)}” is not a format the scorecards come in: use format=html or format=csv.");
    }

    private static (string Name, bool Csv) SplitCsv(string segment) =>
        segment.EndsWith(PublishedAddresses.CsvSuffix, StringComparison.OrdinalIgnoreCase)
            ? (segment[..^PublishedAddresses.CsvSuffix.Length], true)
            : (segment, false);

    private static IReadOnlyDictionary<Guid, string> BoardSlugs(PublishedScorecards.Contents contents) =>
        PublishedAddresses.Slugs(contents.Boards, b => b.Id, b => b.Name);

    private static IReadOnlyDictionary<Guid, string> DirectorateSlugs(PublishedScorecards.Contents contents) =>
        PublishedAddresses.Slugs(contents.Directorates, d => d.Id, d => d.Code);

    /// <summary>What the person typed, shortened; the page encodes it like all other text.</summary>
    private static string Echo(string text) => text.Length <= MaxEchoedLength ? text : text[..MaxEchoedLength] + "…";

    private IResult Page(int status, string title, Action<Html> main) =>
        Results.Content(
            HtmlPage.Render(title, options.Value.CouncilName.Trim(), PublishedWords.Generated(clock.GetUtcNow()), main),
            "text/html; charset=utf-8",
            statusCode: status);

    private static IResult Csv(string fileName, string csv) =>
        Results.File(CsvText.Utf8WithByteOrderMark(csv), "text/csv; charset=utf-8", fileName);
}
