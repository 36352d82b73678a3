using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PmfBot.Bot.Cards;
using PmfBot.Bot.Conversation;
using PmfBot.Bot.Status;
using PmfBot.Domain.BoardActions;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.People;
using PmfBot.Domain.RagRatings;
using PmfBot.Domain.Ratings;
using PmfBot.Domain.Results;
using PmfBot.Domain.Risks;
using PmfBot.Domain.Storage;
using PmfBot.Domain.Summaries;

namespace PmfBot.Bot.Summaries;

/// <summary>
/// The board summary (<c>board.show</c>, and posted to a board's channel once its ratings are
/// decided) and the scrutiny summary (all boards, posted to scrutiny channels). The scheduler
/// calls <see cref="BoardSummaryAsync"/> and <see cref="ScrutinySummaryAsync"/> with ids and a
/// period; both are summarised, not paged, and carry no write buttons.
/// </summary>
public sealed class SummaryCards(
    PmfDbContext db, CouncilResults council, CardRenderer renderer, ReturnCalendar calendar, TimeProvider clock, AddBoardAction addAction) : ICardAction
{
    public const int BoardExceptions = 10;
    public const int ScrutinyExceptions = 3;

    /// <summary>People offered as an action's owner; anyone else is typed by email.</summary>
    public const int OwnerChoices = 60;

    /// <summary>What was typed in the "Add an action" form, echoed back with the problems beside it.</summary>
    public sealed record ActionForm(string Title, string OwnerId, string OwnerEmail, string DueDate, string PriorityId, IReadOnlyDictionary<string, string> Errors)
    {
        public static ActionForm Empty { get; } = new("", "", "", "", "", new Dictionary<string, string>());
    }

    private sealed record PersonChoice(string PersonId, string Name);

    private sealed record ActionFormData(string Title, string OwnerId, string OwnerEmail, string DueDate, string PriorityId);

    private sealed record ActionFormErrors(string Title, string Owner, string DueDate, string PriorityId);

    private sealed record RiskLine(string Code, string Title, string Detail);

    private sealed record PriorityLine(string PriorityId, string Code, string Title, Badge Rating, string StateText, string CountsText, string ExceptionsText);

    private sealed record ExceptionLine(string Code, string Title, Badge Kind, string Detail);

    private sealed record BoardData(
        string BoardId, string BoardName, string ChairName, string MeetingText, string PeriodKey, string PeriodLabel, string Headline, RagMix.Donut RagChart, Notice Notice,
        IReadOnlyList<PriorityLine> Priorities, string ExceptionsText, IReadOnlyList<ExceptionLine> Exceptions,
        string MoreExceptionsText, string RiskText, IReadOnlyList<RiskLine> RiskPriorities, string ActionsText,
        bool CanAddAction, string AddActionText, IReadOnlyList<PersonChoice> People, ActionFormData AddAction, ActionFormErrors Errors);

    private sealed record ScrutinyPriority(string Code, string Title, Badge Rating);

    private sealed record ScrutinyBoard(
        string BoardId, string Name, string ChairName, string RatingsText, int ExceptionCount, string ExceptionsText,
        string TopExceptionsText, IReadOnlyList<ExceptionLine> TopExceptions, IReadOnlyList<ScrutinyPriority> Priorities);

    private sealed record ScrutinyData(string AudienceName, string PeriodKey, string PeriodLabel, string Headline, RagMix.Bars RatingsChart, IReadOnlyList<ScrutinyBoard> Boards);

    public async Task<JsonNode> HandleAsync(CardActionRequest request, CancellationToken cancellationToken) =>
        await BoardSummaryAsync(request.Id("boardId"), ResultText.QuarterOf(request, clock), cancellationToken, request.Person);

    /// <param name="viewer">
    /// Who asked (<c>board.show</c>): offered the "Add an action" form only if they may add actions. Null for
    /// the board's channel, where everyone sees the form and the handler refuses whoever may not.
    /// </param>
    public async Task<JsonObject> BoardSummaryAsync(
        Guid boardId, Period quarter, CancellationToken cancellationToken, Person? viewer = null, Notice? notice = null, ActionForm? form = null)
    {
        var board = await council.BoardAsync(db, boardId, quarter, UkTime.Today(clock), cancellationToken)
            ?? throw new Domain.PmfRuleException("That board no longer exists.");
        var results = AllResults(board);
        var rags = results.Select(r => r.Rag).ToList();
        var ragChart = new RagMix.Donut($"{ResultText.Plural(rags.Count, "indicator", "indicators")} by rating, {quarter.Label}", RagMix.Of(rags), ResultText.RagCounts(rags));
        var exceptions = ResultText.MostSeriousFirst(results).ToList();
        var meeting = calendar.WindowFor(quarter).BoardMeeting;
        var people = await addAction.PeopleOfAsync(boardId, cancellationToken);
        var meetings = board.Priorities.Select(p => (p.Priority, Meeting: p.RiskMeetsRed)).Where(p => p.Meeting is not null).ToList();
        form ??= ActionForm.Empty;
        BoardData Data(int ownerChoices) => new(
            board.Board.Id.ToString(), board.Board.Name, board.ChairName,
            meeting is { } day ? $"board meets {ResultText.LongDate(day)}" : "",
            quarter.Key, quarter.Label,
            $"{Ratings(board.Priorities)} · {ResultText.RagCounts(rags)}",
            ragChart,
            notice ?? Notice.None,
            board.Priorities.Select(p => new PriorityLine(
                p.Priority.Id.ToString(), p.Priority.Code, p.Priority.Title, StatusCard.RatingBadge(p.Rating), RatingState(p.Rating),
                ResultText.RagCounts(p.Indicators.Select(r => r.Rag).ToList()),
                ResultText.Plural(p.Indicators.Count(r => r.Exceptions.Count > 0), "exception", "exceptions"))).ToList(),
            exceptions.Count == 0
                ? "No exceptions this quarter."
                : exceptions.Count <= BoardExceptions
                    ? $"{ResultText.Plural(exceptions.Count, "exception", "exceptions")}, most serious first:"
                    : $"{exceptions.Count} exceptions; the {BoardExceptions} most serious first:",
            exceptions.Take(BoardExceptions).Select(Exception).ToList(),
            exceptions.Count > BoardExceptions ? $"And {exceptions.Count - BoardExceptions} more: use \"All exceptions for this board\"." : "",
            meetings.Count == 0
                ? "No priority has both red indicators and a risk still high after mitigation."
                : $"Red indicators and a risk still high after mitigation meet in {ResultText.Plural(meetings.Count, "priority", "priorities")}:",
            meetings.Select(m => new RiskLine(m.Priority.Code, m.Priority.Title, RiskDetail(m.Meeting!))).ToList(),
            $"Board actions: {board.Actions.Open} open ({board.Actions.Delayed} delayed), {board.Actions.CompletedThisQuarter} completed this quarter.",
            viewer is null || AddBoardAction.MayAdd(viewer, board.Board),
            $"Only the chair, {board.ChairName}, or the performance team can add an action. Its owner is told at once.",
            people.Take(ownerChoices).Select(p => new PersonChoice(p.Id.ToString(), p.Name)).ToList(),
            new ActionFormData(form.Title, form.OwnerId, form.OwnerEmail, form.DueDate, form.PriorityId),
            new ActionFormErrors(
                form.Errors.GetValueOrDefault("title", ""), form.Errors.GetValueOrDefault("owner", ""),
                form.Errors.GetValueOrDefault("dueDate", ""), form.Errors.GetValueOrDefault("priorityId", "")));

        // A big board's card may not fit with every person offered as owner: fewer, then none (an email still works).
        return renderer.RenderFirstThatFits("board-summary-card", () => Data(OwnerChoices), () => Data(OwnerChoices / 3), () => Data(0));
    }

    /// <param name="audienceBoardId">The scrutiny board the card is posted to, or null for a general audience.</param>
    public async Task<JsonObject> ScrutinySummaryAsync(Guid? audienceBoardId, Period quarter, CancellationToken cancellationToken)
    {
        var audience = audienceBoardId is { } id
            ? await db.Boards.Where(b => b.Id == id).Select(b => b.Name).SingleOrDefaultAsync(cancellationToken) ?? "Scrutiny"
            : "Scrutiny";
        var boards = await council.AllBoardsAsync(db, quarter, UkTime.Today(clock), cancellationToken);
        var exceptionCount = boards.Sum(b => ResultText.MostSeriousFirst(AllResults(b)).Count());
        // A large council's scrutiny summary is over Teams' card size with every priority listed: leave out
        // the green ones first, then every priority line (each board's "Priorities" button still lists them).
        return renderer.RenderFirstThatFits(
            "scrutiny-summary-card",
            () => Scrutiny(audience, quarter, boards, exceptionCount, ScrutinyDetail.EveryPriority),
            () => Scrutiny(audience, quarter, boards, exceptionCount, ScrutinyDetail.PrioritiesNotGreen),
            () => Scrutiny(audience, quarter, boards, exceptionCount, ScrutinyDetail.BoardsOnly));
    }

    private enum ScrutinyDetail
    {
        EveryPriority,
        PrioritiesNotGreen,
        BoardsOnly,
    }

    private static ScrutinyData Scrutiny(string audience, Period quarter, IReadOnlyList<BoardResults.BoardView> boards, int exceptionCount, ScrutinyDetail detail)
    {
        var priorities = boards.SelectMany(b => b.Priorities).ToList();
        var left = detail switch
        {
            ScrutinyDetail.PrioritiesNotGreen => " Priorities rated green are not listed, to fit the card: each board's Priorities button lists them all.",
            ScrutinyDetail.BoardsOnly => " Priorities are not listed, to fit the card: each board's Priorities button lists them.",
            _ => "",
        };
        var topExceptions = detail == ScrutinyDetail.BoardsOnly ? 1 : ScrutinyExceptions;
        return new ScrutinyData(
            audience, quarter.Key, quarter.Label,
            $"{ResultText.Plural(boards.Count, "board", "boards")}, {Ratings(priorities)} · {ResultText.Plural(exceptionCount, "exception", "exceptions")}.{left}",
            new RagMix.Bars(
                $"Priorities by rating, board by board, {quarter.Label}",
                boards.Where(b => b.Priorities.Count > 0)
                    .Select(b => new RagMix.Bar(b.Board.Name, RagMix.OfRatings(b.Priorities.Select(p => p.Rating?.FinalRag).ToList()), RatingCounts(b.Priorities)))
                    .ToList()),
            boards.Select(b =>
            {
                var exceptions = ResultText.MostSeriousFirst(AllResults(b)).ToList();
                var listed = detail switch
                {
                    ScrutinyDetail.EveryPriority => b.Priorities,
                    ScrutinyDetail.PrioritiesNotGreen => b.Priorities.Where(p => p.Rating?.FinalRag != Rag.Green).ToList(),
                    _ => [],
                };
                return new ScrutinyBoard(
                    b.Board.Id.ToString(), b.Board.Name, b.ChairName, RatingCounts(b.Priorities), exceptions.Count,
                    ResultText.Plural(exceptions.Count, "exception", "exceptions"),
                    exceptions.Count == 0 ? "" : $"Most serious {Math.Min(topExceptions, exceptions.Count)}:",
                    exceptions.Take(topExceptions).Select(Exception).ToList(),
                    listed.Select(p => new ScrutinyPriority(p.Priority.Code, p.Priority.Title, StatusCard.RatingBadge(p.Rating))).ToList());
            }).ToList());
    }

    private static string RiskDetail(RiskAndPerformance.Meeting meeting) =>
        $"Red: {string.Join(", ", meeting.RedIndicators.Select(r => r.Indicator.Code))} · High risk after mitigation: "
        + string.Join("; ", meeting.HighRisks.Select(r => $"{r.Title} (impact {Level(r.ResidualImpact)}, likelihood {Level(r.ResidualLikelihood)})"));

    private static string Level(RiskLevel level) => level.ToString().ToLowerInvariant();

    /// <summary>Each indicator once, even when it serves two of the board's priorities.</summary>
    private static List<IndicatorResult> AllResults(BoardResults.BoardView board) =>
        board.Priorities.SelectMany(p => p.Indicators).DistinctBy(r => r.Indicator.Id).ToList();

    private static ExceptionLine Exception(IndicatorResult result) =>
        new(result.Indicator.Code, result.Indicator.Title, Badge.Of(ResultText.MostSeriousKind(result)), ResultText.Detail(result));

    private static string Ratings(IReadOnlyCollection<BoardResults.PriorityView> priorities) =>
        $"{ResultText.Plural(priorities.Count, "priority", "priorities")}: {RatingCounts(priorities)}";

    private static string RatingCounts(IReadOnlyCollection<BoardResults.PriorityView> priorities)
    {
        var finals = priorities.Select(p => p.Rating?.FinalRag).ToList();
        var text = $"{finals.Count(r => r == Rag.Green)} green, {finals.Count(r => r == Rag.Amber)} amber, {finals.Count(r => r == Rag.Red)} red";
        var undecided = finals.Count(r => r is null);
        return undecided == 0 ? text : $"{text}, {undecided} not yet rated";
    }

    private static string RatingState(PriorityRating? rating) => rating?.State switch
    {
        Domain.Ratings.RatingState.Approved => "approved",
        Domain.Ratings.RatingState.Amended => "amended",
        Domain.Ratings.RatingState.Proposed => "waiting for the chair",
        Domain.Ratings.RatingState.SentBack => "sent back to the lead officer",
        Domain.Ratings.RatingState.AwaitingProposal => "waiting for the lead officer",
        _ => "not yet rated",
    };
}
