using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Nudges;
using PmfBot.Domain.Storage;

namespace PmfBot.Domain.BoardActions;

/// <summary>
/// Board actions chased like returns: reminders the configured working days before the action's
/// due date and an overdue reminder the working day after, while the action is not complete.
/// One message per owner, kind and day, listing all their actions.
/// </summary>
public sealed class ActionsDue(PmfDbContext db, ReturnCalendar calendar, NudgePolicy policy)
{
    public enum ActionNudgeKind
    {
        Reminder,
        Overdue,
    }

    public sealed record ActionNudge(Guid OwnerId, ActionNudgeKind Kind, DateOnly Day, DateOnly DueDate, IReadOnlyList<Guid> ActionIds)
    {
        public string Key => $"action.{Kind}:{OwnerId:N}:{Day:yyyy-MM-dd}";
    }

    /// <summary>Nudges whose day is after <paramref name="after"/> and on or before <paramref name="upTo"/>.</summary>
    public async Task<IReadOnlyList<ActionNudge>> BetweenAsync(DateOnly after, DateOnly upTo, CancellationToken cancellationToken = default)
    {
        // The latest nudge is one working day after the due date; the earliest the longest reminder before it.
        var longest = policy.ReminderWorkingDaysBeforeDue.DefaultIfEmpty(0).Max();
        var oldestDue = after.AddDays(-14);
        var newestDue = upTo.AddDays(longest * 2 + 14);
        var actions = await db.BoardActions.AsNoTracking()
            .Where(a => a.Status != ActionStatus.Complete && a.DueDate >= oldestDue && a.DueDate <= newestDue)
            .Select(a => new { a.Id, a.OwnerId, a.DueDate })
            .ToListAsync(cancellationToken);

        var nudges = new List<ActionNudge>();
        foreach (var action in actions)
        {
            var days = policy.ReminderWorkingDaysBeforeDue.Select(n => (Kind: ActionNudgeKind.Reminder, Day: calendar.WorkingDays.Before(action.DueDate, n)))
                .Append((Kind: ActionNudgeKind.Overdue, Day: calendar.WorkingDays.Add(action.DueDate, 1)));
            nudges.AddRange(days.Where(d => d.Day > after && d.Day <= upTo)
                .Select(d => new ActionNudge(action.OwnerId, d.Kind, d.Day, action.DueDate, [action.Id])));
        }

        return nudges
            .GroupBy(n => (n.OwnerId, n.Kind, n.Day))
            .Select(g => g.First() with { ActionIds = g.SelectMany(n => n.ActionIds).ToList(), DueDate = g.Min(n => n.DueDate) })
            .OrderBy(n => n.Day).ThenBy(n => n.Kind).ThenBy(n => n.OwnerId)
            .ToList();
    }
}
