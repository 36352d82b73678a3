using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PmfBot.Bot.Cards;
using PmfBot.Bot.Conversation;
using PmfBot.Bot.Status;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Exceptions;
using PmfBot.Domain.Search;
using PmfBot.Domain.Storage;

namespace PmfBot.Bot.Exceptions;

/// <summary>
/// <c>exceptions [board]</c> and <c>exceptions.show</c>: the indicators that need attention this
/// quarter, for one board or all, most serious first. Read-only, for anyone PmfBot knows.
/// </summary>
public sealed class ExceptionsCard(
    ExceptionsReport report, FindPriority find, PmfDbContext db, CardRenderer renderer, MessageCards messages, TimeProvider clock)
    : ICommand, ICardAction
{
    public const string Kind = "exceptions-card";
    public const int PageSize = 8;

    private sealed record Line(
        string IndicatorId, string Code, string Title, string PriorityText, string OwnerName, IReadOnlyList<Badge> Kinds,
        string Detail, Badge Rag, Badge Travel, string Trend, string Commentary);

    private sealed record Data(
        string BoardId, string ScopeText, string PeriodKey, string PeriodLabel, string CountsText, string ExplainText,
        int Page, int PageCount, int PreviousPage, int NextPage, string PageText, IReadOnlyList<Line> Exceptions);

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

        var lookup = await find.BoardAsync(request.Argument, cancellationToken);
        return await lookup.AnswerAsync(
            messages,
            "board",
            request.Argument,
            b => b.Name,
            b => $"exceptions {b.Name}",
            "Try words from the board's name, for example: exceptions health and wellbeing. Type exceptions alone for every board.",
            board => BuildAsync(board.Id, quarter, 1, cancellationToken));
    }

    public async Task<JsonNode> HandleAsync(CardActionRequest request, CancellationToken cancellationToken) => await ShowAsync(request, 1, cancellationToken);

    public Task<JsonObject> ShowAsync(CardActionRequest request, int page, CancellationToken cancellationToken) =>
        BuildAsync(request.Id("boardId") is var id && id != Guid.Empty ? id : null, ResultText.QuarterOf(request, clock), page, cancellationToken);

    /// <param name="boardId">A board, or null for all boards.</param>
    public async Task<JsonObject> BuildAsync(Guid? boardId, Period quarter, int page, CancellationToken cancellationToken)
    {
        var scope = boardId is { } id
            ? await db.Boards.Where(b => b.Id == id).Select(b => b.Name).SingleOrDefaultAsync(cancellationToken)
                ?? throw new Domain.PmfRuleException("That board no longer exists.")
            : "all boards";
        var lines = await report.LoadAsync(boardId, quarter, cancellationToken);
        var ownerIds = lines.Select(l => l.Result.Indicator.OwnerId).Distinct().ToList();
        var owners = await db.People.AsNoTracking().Where(p => ownerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var byIndicator = lines.GroupBy(l => l.Result.Indicator.Id).ToDictionary(g => g.Key, g => g.ToList());
        var exceptions = ResultText.MostSeriousFirst(byIndicator.Values.Select(g => g[0].Result))
            .Select(r => new Line(
                r.Indicator.Id.ToString(), r.Indicator.Code, r.Indicator.Title,
                string.Join("; ", byIndicator[r.Indicator.Id].Select(l => boardId is null ? $"{l.BoardName}: {l.PriorityCode} {l.PriorityTitle}" : $"{l.PriorityCode} {l.PriorityTitle}")),
                owners.GetValueOrDefault(r.Indicator.OwnerId, "unknown"),
                r.Exceptions.OrderBy(e => ResultText.Seriousness(e.Kind)).Select(e => Badge.Of(e.Kind)).ToList(),
                ResultText.Detail(r), Badge.Of(r.Rag), Badge.Of(r.Travel.AgainstPreviousPeriod), ResultText.Trend(r.Trend),
                r.Return is { HasAnswer: true } ret ? ret.Commentary ?? "" : ""))
            .ToList();
        var kinds = byIndicator.Values.SelectMany(g => g[0].Result.Exceptions).GroupBy(e => e.Kind)
            .OrderBy(g => ResultText.Seriousness(g.Key))
            .Select(g => $"{g.Count()} {KindWords(g.Key)}").ToList();
        var counts = exceptions.Count == 0
            ? $"No exceptions for {scope} in {quarter.Label}."
            : $"{CardText.Plural(exceptions.Count, "indicator needs", "indicators need")} attention: {string.Join(", ", kinds)}.";

        return renderer.RenderPaged(Kind, PageSize, size =>
        {
            var (paging, items) = Paging.Of(exceptions, page, size, "indicators");
            return new Data(
                boardId?.ToString() ?? "", scope, quarter.Key, quarter.Label, counts,
                "An exception is an indicator worse than target beyond its tolerance, rated red, worse for two periods running, better than target beyond tolerance, or missing its return.",
                paging.Page, paging.PageCount, paging.PreviousPage, paging.NextPage, paging.PageText, items);
        });
    }

    private static string KindWords(ExceptionKind kind) => kind switch
    {
        ExceptionKind.BeyondToleranceBelow => "worse than target beyond tolerance",
        ExceptionKind.Red => "rated red by override",
        ExceptionKind.Missing => "missing",
        ExceptionKind.WorseningTwoPeriods => "worse two periods running",
        _ => "better than target beyond tolerance",
    };
}
