using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PmfBot.Bot.Cards;
using PmfBot.Bot.Conversation;
using PmfBot.Bot.Publication;
using PmfBot.Bot.Status;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Compliance;
using PmfBot.Domain.Scorecards;
using PmfBot.Domain.Search;
using PmfBot.Domain.Storage;

namespace PmfBot.Bot.Compliance;

/// <summary>
/// <c>compliance [directorate]</c> and <c>compliance.show</c>: returns on time, late and missing,
/// by directorate and by owner. Open to everyone PmfBot knows, not only the performance team and
/// Governance and Audit: the figures are published to committee. The scheduler posts it with
/// <see cref="BuildAsync"/>. While publication is on, it also says whether the quarter is released
/// for public display, with a button for the performance team to release it.
/// </summary>
public sealed class ComplianceCard(
    FindPriority find,
    PmfDbContext db,
    CardRenderer renderer,
    MessageCards messages,
    ReleaseQuarter releases,
    PublishedScorecards published,
    IOptions<PublicationOptions> publication,
    TimeProvider clock)
    : ICommand, ICardAction
{
    public const string Kind = "compliance-card";
    public const int PageSize = 20;

    private sealed record DirectorateLine(string Name, string Due, string OnTime, string Late, string Missing, Badge Share);

    private sealed record ReturnLine(string Code, Badge State);

    private sealed record OwnerLine(string Name, string DirectorateName, string CountsText, IReadOnlyList<ReturnLine> Returns);

    private sealed record Data(
        string DirectorateId, string ScopeText, string PeriodKey, string PeriodLabel, string DueText, string Headline,
        IReadOnlyList<DirectorateLine> Directorates, string OwnersHeading, int Page, int PageCount, int PreviousPage, int NextPage,
        string PageText, IReadOnlyList<OwnerLine> Owners, string ReleaseText, string ReleaseColor, bool CanRelease);

    /// <summary>A line about the release that replaces the usual one: what the button did, or why it could not.</summary>
    public sealed record ReleaseNotice(string Text, bool Refused);

    public async Task<JsonObject> RunAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (request.Person is null)
        {
            return messages.NotKnown();
        }

        var quarter = ResultText.CurrentQuarter(clock);
        if (string.IsNullOrWhiteSpace(request.Argument))
        {
            return await BuildAsync(null, quarter, 1, cancellationToken);
        }

        var lookup = await find.DirectorateAsync(request.Argument, cancellationToken);
        return await lookup.AnswerAsync(
            messages,
            "directorate",
            request.Argument,
            d => $"{d.Code}: {d.Name}",
            d => $"compliance {d.Code}",
            "Type compliance alone for every directorate, or add a directorate's code or name.",
            directorate => BuildAsync(directorate.Id, quarter, 1, cancellationToken));
    }

    public async Task<JsonNode> HandleAsync(CardActionRequest request, CancellationToken cancellationToken) => await ShowAsync(request, 1, cancellationToken);

    public Task<JsonObject> ShowAsync(CardActionRequest request, int page, CancellationToken cancellationToken) =>
        BuildAsync(request.Id("directorateId") is var id && id != Guid.Empty ? id : null, ResultText.QuarterOf(request, clock), page, cancellationToken);

    /// <param name="directorateId">A directorate, or null for all.</param>
    public async Task<JsonObject> BuildAsync(Guid? directorateId, Period quarter, int page, CancellationToken cancellationToken, ReleaseNotice? notice = null)
    {
        var (releaseText, releaseColor, canRelease) = await ReleaseLineAsync(quarter, notice, cancellationToken);
        var scope = directorateId is { } id
            ? await db.Directorates.Where(d => d.Id == id).Select(d => d.Name).SingleOrDefaultAsync(cancellationToken)
                ?? throw new Domain.PmfRuleException("That directorate no longer exists.")
            : "all directorates";
        var now = clock.GetUtcNow();
        var lines = await ComplianceReturns.LoadAsync(db, quarter, directorateId, UkTime.Today(clock), cancellationToken);
        var judged = lines.Where(l => l.Status != ReturnCompliance.NotYetDue).ToList();
        var overall = ComplianceCounts.Of("All", lines.Select(l => l.Status));
        var due = lines.Where(l => l.Status != ReturnCompliance.NotYetDue).Select(l => l.DueDate).DefaultIfEmpty().Max();
        var dueText = judged.Count == 0
            ? $"No returns for {quarter.Label} are due yet. Figures at {ResultText.DateTime(now)}."
            : $"Returns were due by {ResultText.LongDate(due)}. Figures at {ResultText.DateTime(now)}.";
        var directorates = directorateId is null
            ? lines.GroupBy(l => l.DirectorateName).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => ComplianceCounts.Of(g.Key, g.Select(l => l.Status)))
                .Select(c => new DirectorateLine(c.Key, Count(c.Due), Count(c.OnTime), Count(c.Late), Count(c.Missing), Share(c.PercentOnTime)))
                .ToList()
            : [];
        var owners = lines.GroupBy(l => l.OwnerId)
            .Where(g => g.Any(l => l.Status is ReturnCompliance.Late or ReturnCompliance.Missing))
            .Select(g => (Lines: g.ToList(), Counts: ComplianceCounts.Of(g.First().OwnerName, g.Select(l => l.Status))))
            .OrderByDescending(o => o.Counts.Missing).ThenByDescending(o => o.Counts.Late).ThenBy(o => o.Counts.Key, StringComparer.Ordinal)
            .Select(o => new OwnerLine(
                o.Counts.Key,
                o.Lines[0].DirectorateName,
                $"{o.Counts.Due} due, {o.Counts.OnTime} on time, {o.Counts.Late} late, {o.Counts.Missing} missing",
                o.Lines.Where(l => l.Status is ReturnCompliance.Late or ReturnCompliance.Missing)
                    .Select(l => new ReturnLine(l.Code, l.Status == ReturnCompliance.Late ? new Badge("Late", "warning") : new Badge("Missing", "attention")))
                    .ToList()))
            .ToList();
        var headline = overall.Due == 0
            ? $"{ResultText.Plural(overall.Total, "return", "returns")} owed, none due yet."
            : $"{ResultText.Plural(overall.Due, "return", "returns")} due: {overall.OnTime} on time ({overall.PercentOnTime:0.#}%), {overall.Late} late, {overall.Missing} missing.";

        return renderer.RenderPaged(Kind, PageSize, size =>
        {
            var (paging, items) = Paging.Of(owners, page, size, "owners");
            return new Data(
                directorateId?.ToString() ?? "", scope, quarter.Key, quarter.Label, dueText, headline,
                paging.Page == 1 ? directorates : [],
                owners.Count == 0 ? "Every return due so far came in on time." : "Owners with late or missing returns",
                paging.Page, paging.PageCount, paging.PreviousPage, paging.NextPage, paging.PageText, items,
                releaseText, releaseColor, canRelease);
        });
    }

    /// <summary>
    /// Nothing while publication is off. Otherwise the quarter's release, and the button while the
    /// quarter has ended with something in it and is not released (the use case refuses anyone
    /// outside the performance team, so the card needs no viewer).
    /// </summary>
    private async Task<(string Text, string Color, bool CanRelease)> ReleaseLineAsync(Period quarter, ReleaseNotice? notice, CancellationToken cancellationToken)
    {
        if (!publication.Value.Enabled)
        {
            return ("", "default", false);
        }

        var state = await releases.StateAsync(quarter, cancellationToken);
        var releasable = state is not { IsReleased: true } && (await published.QuartersWithSomethingAsync(cancellationToken)).Contains(quarter);
        return notice is { } n
            ? (n.Text, n.Refused ? "attention" : "good", releasable)
            : (ReleaseAnswers.State(state, quarter), state is { IsReleased: true } ? "good" : "default", releasable);
    }

    private static string Count(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Badge Share(decimal? percent) => percent switch
    {
        null => new Badge("–", "default"),
        >= 90 => new Badge($"{percent:0.#}%", "good"),
        >= 80 => new Badge($"{percent:0.#}%", "warning"),
        _ => new Badge($"{percent:0.#}%", "attention"),
    };
}
