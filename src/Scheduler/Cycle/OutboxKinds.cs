using PmfBot.Domain.BoardActions;
using PmfBot.Domain.Nudges;
using PmfBot.Domain.Ratings;
using PmfBot.Domain.Summaries;

namespace PmfBot.Scheduler.Cycle;

/// <summary>
/// The kinds of message the cycle queues (<c>OutboxMessage.Kind</c>): the bot picks the card by
/// kind and reads the payload record named beside each.
/// </summary>
public static class OutboxKinds
{
    /// <summary>Returns open: one card listing the owner's returns (<see cref="NudgePayload"/>).</summary>
    public const string ReturnsOpen = "nudge.ReturnsOpen";

    /// <summary>Reminder before the due date (<see cref="NudgePayload"/>).</summary>
    public const string Reminder = "nudge.Reminder";

    /// <summary>The working day after the due date (<see cref="NudgePayload"/>).</summary>
    public const string Overdue = "nudge.Overdue";

    /// <summary>To the owner's manager or the directorate performance lead: what the owner has not returned (<see cref="NudgePayload"/>).</summary>
    public const string Escalation = "nudge.Escalation";

    /// <summary>Lead officer: propose the priority's overall rating (<see cref="RatingPayload"/>).</summary>
    public const string AskLead = "rating.ask-lead";

    /// <summary>Chair: approve, amend or send back the proposal (<see cref="RatingPayload"/>).</summary>
    public const string AskChair = "rating.ask-chair";

    public const string RemindLead = "rating.remind-lead";

    public const string RemindChair = "rating.remind-chair";

    /// <summary>A board's channel: its priorities' ratings (<see cref="SummaryPayload"/>).</summary>
    public const string BoardSummary = "summary.board";

    /// <summary>A scrutiny board's channel: every board's ratings and the exceptions (<see cref="SummaryPayload"/>).</summary>
    public const string ScrutinySummary = "summary.scrutiny";

    /// <summary>The governance and audit committee's channel: compliance (<see cref="SummaryPayload"/>).</summary>
    public const string Compliance = "summary.compliance";

    /// <summary>Board action reminder before its due date (<see cref="ActionPayload"/>).</summary>
    public const string ActionReminder = "action.Reminder";

    /// <summary>Board action overdue (<see cref="ActionPayload"/>).</summary>
    public const string ActionOverdue = "action.Overdue";

    /// <summary>Directorate performance lead: the sign-off card, when the returns are in and on the sign-off date (<see cref="SignOffPayload"/>).</summary>
    public const string SignOff = "signoff.ask";

    /// <summary>Whoever answers a directorate's self assessment: the self-assessment card (<see cref="SelfAssessmentPayload"/>).</summary>
    public const string SelfAssessment = "selfAssessment.ask";

    /// <summary>A board action's owner: the board agreed an action for them (<see cref="Domain.BoardActions.AddBoardAction.OwnerTold"/>; queued by the use case, not the cycle).</summary>
    public const string ActionAgreed = Domain.BoardActions.AddBoardAction.OutboxKind;

    public static string Of(NudgeKind kind) => "nudge." + kind;

    public static string Of(RatingRound.AskKind kind) => kind switch
    {
        RatingRound.AskKind.AskLead => AskLead,
        RatingRound.AskKind.AskChair => AskChair,
        RatingRound.AskKind.RemindLead => RemindLead,
        _ => RemindChair,
    };

    public static string Of(SummariesDue.SummaryKind kind) => kind switch
    {
        SummariesDue.SummaryKind.Board => BoardSummary,
        SummariesDue.SummaryKind.Scrutiny => ScrutinySummary,
        _ => Compliance,
    };

    public static string Of(ActionsDue.ActionNudgeKind kind) => "action." + kind;
}

/// <summary>
/// A nudge about returns. <see cref="OwnerId"/> is whose returns they are; for an escalation the
/// message goes to <see cref="ManagerId"/> or <see cref="PerformanceLeadId"/>, as
/// <see cref="RecipientRole"/> says ("owner", "manager" or "performance-lead").
/// </summary>
public sealed record NudgePayload(
    Guid OwnerId,
    string RecipientRole,
    DateOnly Day,
    DateOnly DueDate,
    IReadOnlyList<Guid> ReturnIds,
    IReadOnlyList<string> PeriodKeys,
    Guid? ManagerId,
    Guid? PerformanceLeadId,
    int IndicatorsToOpen = 0);

/// <summary>A rating ask or reminder. <see cref="RatingId"/> is null only in a preview (the rating is created when the cycle runs).</summary>
public sealed record RatingPayload(Guid? RatingId, Guid PriorityId, Guid BoardId, string QuarterKey, DateOnly BoardMeeting);

/// <summary>A summary for a board's channel; <see cref="AllDecided"/> is false when posted at the deadline with ratings awaiting sign-off.</summary>
public sealed record SummaryPayload(Guid BoardId, string QuarterKey, IReadOnlyList<Guid> PriorityIds, IReadOnlyList<Guid> RatingIds, bool AllDecided);

/// <summary>The sign-off card for a directorate's period; <see cref="Occasion"/> is "returns-in" or "due".</summary>
public sealed record SignOffPayload(Guid DirectorateId, string PeriodKey, DateOnly SignOffDue, string Occasion);

/// <summary>The self-assessment card for a directorate's quarter.</summary>
public sealed record SelfAssessmentPayload(Guid DirectorateId, string QuarterKey, DateOnly BoardMeeting);

/// <summary>A board action reminder or overdue notice for the action's owner.</summary>
public sealed record ActionPayload(Guid OwnerId, DateOnly Day, DateOnly DueDate, IReadOnlyList<Guid> ActionIds);
