using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PmfBot.Bot.Cards;
using PmfBot.Domain;
using PmfBot.Domain.BoardActions;
using PmfBot.Domain.Boards;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Conversations;
using PmfBot.Domain.People;
using PmfBot.Domain.RagRatings;
using PmfBot.Domain.Ratings;
using PmfBot.Domain.Status;
using PmfBot.Domain.Storage;

namespace PmfBot.Bot.Ratings;

/// <summary>
/// The rating proposal card (for a priority's lead officer) and the approval card (for the board
/// chair, and read-only for everyone else). Public so the scheduler can send them proactively.
/// </summary>
public sealed class RatingCards(
    PmfDbContext db, PriorityStatus status, ConversationReferenceStore references, ReturnCalendar calendar, CardRenderer renderer)
{
    /// <summary>What the person typed, echoed back beside the errors when nothing was saved.</summary>
    public sealed record ProposalInput(string Rating, string Summary, IReadOnlyDictionary<string, string> Errors);

    /// <summary>What the chair typed into Amend or Send back, echoed with the errors.</summary>
    public sealed record DecisionInput(string AmendedRating, string Reason, string Comment, IReadOnlyDictionary<string, string> Errors);

    private sealed record ProposalIndicator(string Code, string Title, string ValueText, string TargetText, Badge Rag, Badge Travel, string Trend);

    private sealed record ProposalErrors(string Rating, string Summary);

    private sealed record ProposalData(
        string PriorityId,
        string PriorityCode,
        string PriorityTitle,
        string BoardName,
        string PeriodKey,
        string PeriodLabel,
        string Version,
        string DueText,
        Badge State,
        string PreviousText,
        Notice Notice,
        string SentBackComment,
        string ResultsText,
        IReadOnlyList<ProposalIndicator> Indicators,
        string ActionsText,
        string RisksText,
        bool CanPropose,
        string ProposeTitle,
        string Rating,
        Badge Proposed,
        string Summary,
        ProposalErrors Errors);

    private sealed record ApprovalIndicator(string Code, string Title, string ValueText, Badge Rag, Badge Travel);

    private sealed record Outcome(Badge Rating, string Text, string CommentLabel, string Comment);

    private sealed record AmendForm(string Rating, string Reason);

    private sealed record SendBackForm(string Comment);

    private sealed record ApprovalErrors(string AmendedRating, string Reason, string Comment);

    private sealed record ApprovalData(
        string PriorityId,
        string PriorityCode,
        string PriorityTitle,
        string BoardName,
        string ChairName,
        string PeriodKey,
        string PeriodLabel,
        string Version,
        IReadOnlyList<string> RefreshUserIds,
        bool CanDecide,
        Badge State,
        Notice Notice,
        bool Decided,
        Outcome Outcome,
        string ProposedBy,
        Badge ProposedRating,
        string ProposedSummary,
        string ResultsText,
        IReadOnlyList<ApprovalIndicator> Indicators,
        string ReadOnlyText,
        AmendForm Amend,
        SendBackForm SendBack,
        ApprovalErrors Errors);

    private static readonly Badge NoneYet = new("None yet", "default");

    /// <summary>
    /// The proposal card for <paramref name="viewer"/> (the lead officer can propose; anyone else
    /// sees it read-only), for the priority's rating in <paramref name="period"/>.
    /// </summary>
    public async Task<JsonObject> ProposalCardAsync(
        Guid priorityId, Period period, Person viewer, Notice? notice = null, ProposalInput? input = null, CancellationToken cancellationToken = default)
    {
        var view = await status.LoadAsync(priorityId, period, cancellationToken);
        var rating = view.Rating;
        var state = rating?.State ?? RatingState.AwaitingProposal;
        var decided = rating is { IsDecided: true };
        var isLead = viewer.Id == view.Priority.LeadOfficerId;
        var previous = await db.Ratings.AsNoTracking()
            .SingleOrDefaultAsync(r => r.PriorityId == priorityId && r.Period == period.Previous(), cancellationToken);
        var window = calendar.WindowFor(period);
        var meeting = window.BoardMeeting ?? calendar.WorkingDays.Add(window.SignOff, 5);
        var errors = input?.Errors ?? new Dictionary<string, string>();
        var data = new ProposalData(
            priorityId.ToString(),
            view.Priority.Code,
            view.Priority.Title,
            view.BoardName,
            period.Key,
            period.Label,
            (rating?.Version ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture),
            decided && rating!.DecidedAt is { } at
                ? $"The chair decided on {CardText.ShortDate(at)}."
                : $"Please propose by {CardText.LongDate(calendar.WorkingDays.Add(window.SignOff, 1))}; the board meets on {CardText.Date(meeting)}.",
            state switch
            {
                RatingState.AwaitingProposal => isLead ? new Badge("Waiting for your proposal", "warning") : new Badge("Waiting for the lead officer's proposal", "warning"),
                RatingState.Proposed => new Badge("Proposed: waiting for the chair", "default"),
                RatingState.SentBack => new Badge("Sent back by the chair", "attention"),
                RatingState.Approved => new Badge("Approved by the chair", "good"),
                _ => new Badge("Amended by the chair", "good"),
            },
            previous?.FinalRag is { } last
                ? $"{previous.Period.Label}: {last} ({previous.State.ToString().ToLowerInvariant()})"
                : "No rating last quarter",
            notice ?? Notice.None,
            state == RatingState.SentBack ? rating!.ChairComment ?? "" : "",
            CardWords.Results(view.Indicators),
            view.Indicators.Select(r => new ProposalIndicator(
                r.Indicator.Code,
                r.Indicator.Title,
                CardWords.ValueOf(r),
                CardWords.TargetOf(r),
                Badge.Of(r.Rag),
                Badge.Of(r.Travel.AgainstPreviousPeriod),
                TextTrend.Of(r.Trend.Select(t => t.Value).ToList()))).ToList(),
            ActionsText(view, period),
            RisksText(view),
            isLead && !decided,
            state == RatingState.Proposed ? "Change my proposal" : "Propose rating",
            input?.Rating ?? rating?.ProposedRag?.ToString() ?? "",
            rating?.ProposedRag is { } proposed ? Badge.Of(proposed) : NoneYet,
            input?.Summary ?? rating?.ProposedSummary ?? "",
            new ProposalErrors(errors.GetValueOrDefault("rating", ""), errors.GetValueOrDefault("summary", "")));
        return renderer.Render("rating-proposal-card", data);
    }

    /// <summary>
    /// The approval card as <paramref name="viewer"/> sees it: the chair's view (buttons) while the
    /// rating waits for the chair, everyone else's read-only view otherwise. A null viewer gives
    /// the everyone-view, the one posted to the board channel and edited after a decision.
    /// </summary>
    public async Task<JsonObject> ApprovalCardAsync(
        Guid priorityId, Period period, Person? viewer, Notice? notice = null, DecisionInput? input = null, CancellationToken cancellationToken = default) =>
        Approval(await LoadApprovalAsync(priorityId, period, null, cancellationToken), viewer, notice, input);

    /// <summary>
    /// After a decision: the chair's card with <paramref name="notice"/> and the everyone-view the
    /// posted card is edited to, both from the decided rating and board the use case returned.
    /// </summary>
    public async Task<(JsonObject ForChair, JsonObject ForEveryone)> DecidedCardsAsync(
        DecideRating.Decided decided, Person chair, Notice notice, CancellationToken cancellationToken = default)
    {
        var source = await LoadApprovalAsync(decided.Rating.PriorityId, decided.Rating.Period, decided.Board, cancellationToken);
        source = source with { View = source.View with { Rating = decided.Rating } };
        return (Approval(source, chair, notice, null), Approval(source, viewer: null, notice: null, input: null));
    }

    /// <summary>What the approval card shows, read once whoever views it.</summary>
    private sealed record ApprovalSource(PriorityStatus.View View, Board Board, IReadOnlyDictionary<Guid, Person> People, IReadOnlyList<string> RefreshUserIds);

    private async Task<ApprovalSource> LoadApprovalAsync(Guid priorityId, Period period, Board? board, CancellationToken cancellationToken)
    {
        var view = await status.LoadAsync(priorityId, period, cancellationToken);
        board ??= await db.Boards.AsNoTracking().SingleAsync(b => b.Id == view.Priority.BoardId, cancellationToken);
        var chairId = board.ChairId;
        var people = await db.People.AsNoTracking()
            .Where(p => p.Id == chairId || (view.Rating != null && (p.Id == view.Rating.ProposedById || p.Id == view.Rating.DecidedById)))
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        return new ApprovalSource(view, board, people, await RefreshUserIdsAsync(people.GetValueOrDefault(chairId), cancellationToken));
    }

    private JsonObject Approval(ApprovalSource source, Person? viewer, Notice? notice, DecisionInput? input)
    {
        var (view, board, people) = (source.View, source.Board, source.People);
        var chair = people.GetValueOrDefault(board.ChairId);
        var chairName = chair?.Name ?? "the chair";
        var rating = view.Rating;
        var state = rating?.State ?? RatingState.AwaitingProposal;
        var decided = state is RatingState.Approved or RatingState.Amended or RatingState.SentBack;
        var errors = input?.Errors ?? new Dictionary<string, string>();
        var data = new ApprovalData(
            view.Priority.Id.ToString(),
            view.Priority.Code,
            view.Priority.Title,
            board.Name,
            chairName,
            view.Quarter.Key,
            view.Quarter.Label,
            (rating?.Version ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture),
            source.RefreshUserIds,
            viewer is not null && viewer.Id == board.ChairId && state == RatingState.Proposed,
            state switch
            {
                RatingState.AwaitingProposal => new Badge("Waiting for the lead officer's proposal", "default"),
                RatingState.Proposed => new Badge("Waiting for the chair", "warning"),
                RatingState.Approved => new Badge("Approved by the chair", "good"),
                RatingState.Amended => new Badge("Amended by the chair", "good"),
                _ => new Badge("Sent back to the lead officer", "attention"),
            },
            notice ?? Notice.None,
            decided,
            OutcomeOf(rating, decided, rating?.DecidedById is { } by ? people.GetValueOrDefault(by)?.Name ?? chairName : chairName),
            rating is { ProposedById: { } proposer, ProposedAt: { } proposedAt }
                ? $"{people.GetValueOrDefault(proposer)?.Name ?? view.LeadOfficerName} on {CardText.ShortDate(proposedAt)}"
                : "",
            rating?.ProposedRag is { } proposed ? Badge.Of(proposed) : NoneYet,
            rating?.ProposedSummary ?? "",
            CardWords.Results(view.Indicators),
            view.Indicators.Select(r => new ApprovalIndicator(
                r.Indicator.Code, r.Indicator.Title, CardWords.ValueOf(r), Badge.Of(r.Rag), Badge.Of(r.Travel.AgainstPreviousPeriod))).ToList(),
            $"Only the chair, {chairName}, can approve, amend or send back this rating.",
            new AmendForm(input?.AmendedRating ?? "", input?.Reason ?? ""),
            new SendBackForm(input?.Comment ?? ""),
            new ApprovalErrors(errors.GetValueOrDefault("amendedRating", ""), errors.GetValueOrDefault("reason", ""), errors.GetValueOrDefault("comment", "")));
        return renderer.Render("approval-card", data);
    }

    /// <summary>
    /// The chair's Teams user id from their conversation reference, so Teams asks the bot for the
    /// chair's view. Empty when PmfBot has never seen the chair: then everyone, the chair included,
    /// gets the read-only view until the chair talks to the bot.
    /// </summary>
    private async Task<IReadOnlyList<string>> RefreshUserIdsAsync(Person? chair, CancellationToken cancellationToken)
    {
        if (chair?.EntraObjectId is not { Length: > 0 } objectId)
        {
            return [];
        }

        var reference = await references.FindPersonAsync(objectId, cancellationToken);
        return reference?.UserId is { Length: > 0 } userId ? [userId] : [];
    }

    private static Outcome OutcomeOf(PriorityRating? rating, bool decided, string chairName)
    {
        if (!decided || rating is null)
        {
            return new Outcome(NoneYet, "", "", "");
        }

        var on = rating.DecidedAt is { } at ? $" on {CardText.ShortDate(at)}" : "";
        return rating.State switch
        {
            RatingState.Approved => new Outcome(Badge.Of(rating.ProposedRag ?? Rag.NoData), $"approved by {chairName}{on}", "", ""),
            RatingState.Amended => new Outcome(
                Badge.Of(rating.AmendedRag ?? Rag.NoData),
                $"amended from {rating.ProposedRag} by {chairName}{on}",
                "Reason",
                rating.ChairComment ?? ""),
            _ => new Outcome(Badge.Of(rating.ProposedRag ?? Rag.NoData), $"sent back by {chairName}{on}", "Comment", rating.ChairComment ?? ""),
        };
    }

    private static string ActionsText(PriorityStatus.View view, Period period)
    {
        if (view.Actions.Count == 0)
        {
            return "No board actions for this priority.";
        }

        var open = view.Actions.Where(a => a.Action.Status != ActionStatus.Complete).ToList();
        var delayed = open.Count(a => a.Action.Status == ActionStatus.Delayed);
        var completed = view.Actions.Count(a => a.Action.Status == ActionStatus.Complete
            && a.Action.Progress.Any(p => p.Period == period && p.Status == ActionStatus.Complete));
        var delayedText = delayed > 0 ? $" ({delayed} delayed)" : "";
        return $"Board actions: {open.Count} open{delayedText}, {completed} complete this quarter.";
    }

    private static string RisksText(PriorityStatus.View view)
    {
        if (view.Risks.Count == 0)
        {
            return "No risks recorded.";
        }

        var high = view.Risks.Where(Domain.Risks.RiskAndPerformance.IsHighResidual).ToList();
        return high.Count == 0
            ? $"Risks: {view.Risks.Count} recorded, none still high after mitigation."
            : $"Risks: {high.Count} still high after mitigation ({string.Join("; ", high.Select(r => r.Title))}).";
    }
}
