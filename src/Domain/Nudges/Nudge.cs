using PmfBot.Domain.Calendar;

namespace PmfBot.Domain.Nudges;

public enum NudgeKind
{
    /// <summary>Returns are open: one card listing everything the owner has due.</summary>
    ReturnsOpen,

    /// <summary>A reminder before the due date.</summary>
    Reminder,

    /// <summary>The working day after the due date.</summary>
    Overdue,

    /// <summary>To the owner's manager and the directorate performance lead.</summary>
    Escalation,
}

/// <summary>
/// One message due to one owner on one day, covering all their returns of that kind. The
/// scheduler turns it into an outbox row keyed by (owner, kind, day) so it is sent once.
/// </summary>
public sealed record Nudge(
    Guid OwnerId,
    NudgeKind Kind,
    DateOnly Day,
    DateOnly DueDate,
    IReadOnlyList<Guid> ReturnIds,
    IReadOnlyList<Period> Periods,
    Guid? ManagerId,
    Guid? PerformanceLeadId)
{
    public string Key => $"{Kind}:{OwnerId:N}:{Day:yyyy-MM-dd}";
}
