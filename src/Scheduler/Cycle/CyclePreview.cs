using Microsoft.EntityFrameworkCore;
using PmfBot.Domain;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Outbox;
using PmfBot.Domain.People;
using PmfBot.Domain.Storage;

namespace PmfBot.Scheduler.Cycle;

/// <summary>
/// What the cycle sends on a day, to whom, without sending anything or writing anything: for the
/// performance team's "preview" command. Messages already queued are shown with their state.
/// </summary>
public sealed class CyclePreview(PmfDbContext db, CyclePlanner planner, CycleStateStore states, TimeProvider clock)
{
    /// <param name="Recipient">The person's name, or the board's name for a channel post.</param>
    /// <param name="Queued">The outbox state when already queued; null when running the cycle would queue it.</param>
    public sealed record Line(string Kind, string Recipient, Guid? PersonId, Guid? BoardId, string? PeriodKey, string Key, OutboxState? Queued, object Payload);

    public sealed record Preview(DateOnly Day, bool IsPaused, IReadOnlyList<PeriodOpening> Openings, IReadOnlyList<Line> Lines)
    {
        /// <summary>The lines running the cycle now would add.</summary>
        public IReadOnlyList<Line> New => Lines.Where(l => l.Queued is null).ToList();
    }

    public async Task<Preview> ForAsync(Guid actorId, DateOnly? day = null, CancellationToken cancellationToken = default)
    {
        var actor = await db.ActorAsync(actorId, cancellationToken);
        if (!actor.IsPerformanceTeam)
        {
            throw new PmfRuleException("Only the performance team can run, preview or pause the cycle.");
        }

        var forDay = day ?? UkTime.Today(clock);
        var plan = await planner.PreviewAsync(forDay.AddDays(-1), forDay, cancellationToken);
        var keys = plan.Messages.Select(m => m.Key).ToList();
        var queued = await db.Outbox.AsNoTracking().Where(m => keys.Contains(m.Key)).ToDictionaryAsync(m => m.Key, m => m.State, cancellationToken);
        var personIds = plan.Messages.Where(m => m.PersonId != null).Select(m => m.PersonId!.Value).Distinct().ToList();
        var boardIds = plan.Messages.Where(m => m.BoardId != null).Select(m => m.BoardId!.Value).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var boards = await db.Boards.AsNoTracking().Where(b => boardIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Name, cancellationToken);
        var paused = await states.IsPausedAsync(cancellationToken);
        var lines = plan.Messages
            .Select(m => new Line(
                m.Kind,
                m.PersonId is { } p ? people.GetValueOrDefault(p, "unknown person") : boards.GetValueOrDefault(m.BoardId!.Value, "unknown board"),
                m.PersonId,
                m.BoardId,
                m.Period?.Key,
                m.Key,
                queued.TryGetValue(m.Key, out var state) ? state : null,
                m.Payload))
            .OrderBy(l => l.Kind).ThenBy(l => l.Recipient, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new Preview(forDay, paused, plan.Openings, lines);
    }
}
