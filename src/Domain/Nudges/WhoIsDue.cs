using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Returns;
using PmfBot.Domain.Storage;

namespace PmfBot.Domain.Nudges;

/// <summary>
/// Who is due a nudge, and which: returns opening, reminders before the due date, overdue,
/// escalation. Asked for a span of days so a scheduler that was down catches up.
/// </summary>
public sealed class WhoIsDue(PmfDbContext db, ReturnCalendar calendar, NudgePolicy policy)
{
    public Task<IReadOnlyList<Nudge>> OnAsync(DateOnly day, CancellationToken cancellationToken = default) =>
        BetweenAsync(day.AddDays(-1), day, cancellationToken);

    /// <summary>Nudges whose day is after <paramref name="after"/> and on or before <paramref name="upTo"/>.</summary>
    public async Task<IReadOnlyList<Nudge>> BetweenAsync(DateOnly after, DateOnly upTo, CancellationToken cancellationToken = default)
    {
        // A return can need a nudge at most EscalateAfter working days (plus weekends and
        // holidays) after its due date, so older returns need not be read.
        var oldestDue = after.AddDays(-(policy.EscalateAfterWorkingDaysOverdue * 2 + 14));
        var rows = await db.Returns.AsNoTracking()
            .Where(r => r.DueDate >= oldestDue)
            // A retired indicator is no longer chased, even for a return opened before it was retired.
            .Where(r => r.Indicator.RetiredAt == null)
            .Select(r => new
            {
                r.Id,
                r.Period,
                r.DueDate,
                r.State,
                r.Indicator.OwnerId,
                r.Indicator.DirectorateId,
            })
            .ToListAsync(cancellationToken);
        var ownerIds = rows.Select(r => r.OwnerId).Distinct().ToList();
        var managers = await db.People.AsNoTracking().Where(p => ownerIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.ManagerId, cancellationToken);
        var leads = await db.Directorates.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.PerformanceLeadId, cancellationToken);

        var nudges = new List<Nudge>();
        foreach (var row in rows)
        {
            var unanswered = row.State is ReturnState.Open or ReturnState.Draft or ReturnState.SentBack;
            foreach (var (kind, day) in Schedule(row.Period, row.DueDate))
            {
                if (day > after && day <= upTo && (kind == NudgeKind.ReturnsOpen || unanswered))
                {
                    nudges.Add(new Nudge(row.OwnerId, kind, day, row.DueDate, [row.Id], [row.Period], managers.GetValueOrDefault(row.OwnerId),
                        row.DirectorateId is { } d ? leads.GetValueOrDefault(d) : null));
                }
            }
        }

        // One message per owner, kind and day, listing all their returns.
        return nudges
            .GroupBy(n => (n.OwnerId, n.Kind, n.Day))
            .Select(g => g.First() with
            {
                ReturnIds = g.SelectMany(n => n.ReturnIds).ToList(),
                Periods = g.SelectMany(n => n.Periods).Distinct().Order().ToList(),
                DueDate = g.Min(n => n.DueDate),
            })
            .OrderBy(n => n.Day).ThenBy(n => n.Kind).ThenBy(n => n.OwnerId)
            .ToList();
    }

    private IEnumerable<(NudgeKind Kind, DateOnly Day)> Schedule(Period period, DateOnly due)
    {
        var days = calendar.WorkingDays;
        yield return (NudgeKind.ReturnsOpen, calendar.WindowFor(period).Opens);
        foreach (var before in policy.ReminderWorkingDaysBeforeDue)
        {
            yield return (NudgeKind.Reminder, days.Before(due, before));
        }

        yield return (NudgeKind.Overdue, days.Add(due, 1));
        yield return (NudgeKind.Escalation, days.Add(due, policy.EscalateAfterWorkingDaysOverdue));
    }
}
