using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PmfBot.Domain;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.People;
using PmfBot.Domain.Storage;
using PmfBot.Scheduler.Hosting;
using PmfBot.Scheduler.Jobs;

namespace PmfBot.Scheduler.Cycle;

/// <summary>
/// The performance team's controls over the cycle, for the chat commands: pause (nothing is
/// queued or sent until resumed; stored in the database, so every server sees it), resume,
/// and trigger the cycle for a day now. Only members of the performance team may use them.
/// </summary>
public sealed class CycleControl(
    PmfDbContext db,
    CycleStateStore states,
    IBackgroundJobClient jobs,
    IOptions<SchedulerOptions> options,
    TimeProvider clock,
    ILogger<CycleControl> logger)
{
    public sealed record Status(bool IsPaused, string? PausedBy, DateTimeOffset? PausedAt, DateOnly? LastCompletedDay);

    public async Task<Status> StatusAsync(CancellationToken cancellationToken = default)
    {
        var state = await states.GetAsync(cancellationToken);
        var pausedBy = state.PausedById is { } id
            ? await db.People.Where(p => p.Id == id).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken)
            : null;
        return new Status(state.IsPaused, pausedBy, state.PausedAt, state.LastCompletedDay);
    }

    public async Task<Status> PauseAsync(Guid actorId, CancellationToken cancellationToken = default)
    {
        await EnsurePerformanceTeamAsync(actorId, cancellationToken);
        var state = await states.GetAsync(cancellationToken);
        state.Pause(actorId, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await StatusAsync(cancellationToken);
    }

    /// <summary>
    /// Resumes. With <paramref name="catchUp"/> the days missed while paused are caught up (each
    /// message still at most once, answered returns no longer chased); without it the cycle
    /// carries on from today as if the missed days had been sent.
    /// </summary>
    public async Task<Status> ResumeAsync(Guid actorId, bool catchUp = true, CancellationToken cancellationToken = default)
    {
        await EnsurePerformanceTeamAsync(actorId, cancellationToken);
        var state = await states.GetAsync(cancellationToken);
        state.Resume(catchUp ? null : UkTime.Today(clock).AddDays(-1), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await StatusAsync(cancellationToken);
    }

    /// <summary>Runs the cycle for <paramref name="day"/> (default today) now, then delivers; returns the Hangfire job id.</summary>
    public async Task<string> TriggerAsync(Guid actorId, DateOnly? day = null, CancellationToken cancellationToken = default)
    {
        await EnsurePerformanceTeamAsync(actorId, cancellationToken);
        var today = UkTime.Today(clock);
        var forDay = day ?? today;
        var catchUp = options.Value.Cycle.MaxCatchUpDays;
        if (forDay > today || forDay < today.AddDays(-catchUp))
        {
            throw new PmfRuleException($"The cycle can be run for today or the last {catchUp} days, not {forDay:d MMMM yyyy}.");
        }

        if ((await states.GetAsync(cancellationToken)).IsPaused)
        {
            throw new PmfRuleException("The cycle is paused. Resume it first.");
        }

        return RunSoon(forDay);
    }

    /// <summary>
    /// Queues the cycle for a day (default today) and a delivery after it, with no questions asked:
    /// for state changes that should not wait for the next quarter-hour (a proposal the chair must
    /// see, the local demo's clock moving on). Safe to call often: every message is queued once.
    /// </summary>
    public string RunSoon(DateOnly? day = null)
    {
        var forDay = day ?? UkTime.Today(clock);
        var cycle = jobs.Enqueue<CycleJob>(job => job.RunForAsync(forDay, CancellationToken.None));
        jobs.ContinueJobWith<DeliverOutboxJob>(cycle, job => job.RunAsync(CancellationToken.None));
        return cycle;
    }

    /// <summary>
    /// <see cref="RunSoon"/> after a change has already been saved: if the job storage cannot take
    /// the job, the change stands and the cycle's next quarter-hour picks up what it would have done,
    /// so the person must not be told that nothing was saved. Logged as a warning; false when not queued.
    /// </summary>
    public bool TryRunSoon(string after)
    {
        try
        {
            RunSoon();
            return true;
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            logger.LogWarning(failure, "Could not queue the cycle after {Change}; the next scheduled run will pick it up", after);
            return false;
        }
    }

    private async Task EnsurePerformanceTeamAsync(Guid actorId, CancellationToken cancellationToken)
    {
        var actor = await db.ActorAsync(actorId, cancellationToken);
        if (!actor.IsPerformanceTeam)
        {
            throw new PmfRuleException("Only the performance team can run, preview or pause the cycle.");
        }
    }
}
