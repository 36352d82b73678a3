using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Cycle;
using PmfBot.Domain.Storage;

namespace PmfBot.Scheduler.Cycle;

/// <summary>The one <see cref="CycleState"/> row, created on first use; shared by every server.</summary>
public sealed class CycleStateStore(PmfDbContext db, TimeProvider clock)
{
    /// <summary>The state, tracked (save the context after changing it).</summary>
    public async Task<CycleState> GetAsync(CancellationToken cancellationToken = default)
    {
        if (await db.CycleState.SingleOrDefaultAsync(cancellationToken) is { } state)
        {
            return state;
        }

        var created = CycleState.New(clock.GetUtcNow());
        db.CycleState.Add(created);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return created;
        }
        catch (DbUpdateException)
        {
            // Another server created it at the same moment.
            db.Entry(created).State = EntityState.Detached;
            return await db.CycleState.SingleAsync(cancellationToken);
        }
    }

    /// <summary>Records that every day up to <paramref name="day"/> is queued; never moves back.</summary>
    public Task CompleteAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        return db.CycleState
            .Where(s => s.Id == CycleState.SingletonId && (s.LastCompletedDay == null || s.LastCompletedDay < day))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastCompletedDay, (DateOnly?)day).SetProperty(x => x.UpdatedAt, now), cancellationToken);
    }

    public async Task<bool> IsPausedAsync(CancellationToken cancellationToken = default) =>
        await db.CycleState.AsNoTracking().AnyAsync(s => s.IsPaused, cancellationToken);
}
