using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PmfBot.Domain;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Outbox;
using PmfBot.Scheduler.Cycle;
using PmfBot.Scheduler.Hosting;
using PmfBot.Scheduler.Telemetry;

namespace PmfBot.Scheduler.Jobs;

/// <summary>
/// The quarterly cycle, run every few minutes: opens returns for periods that ended, and queues
/// one outbox row per message owed (nudges, escalations, rating asks and reminders, summaries,
/// board action reminders). Idempotent: a second run, a second server or a restart queues
/// nothing new, because every row has a unique key and the last completed day is stored.
/// </summary>
public sealed class CycleJob(
    CyclePlanner planner,
    Graph.ResolveTeamsAccounts accounts,
    OutboxStore outbox,
    CycleStateStore states,
    ReturnCalendar calendar,
    IBackgroundJobClient jobs,
    IOptions<SchedulerOptions> options,
    TimeProvider clock,
    SchedulerMetrics metrics,
    ILogger<CycleJob> logger)
{
    public enum Outcome
    {
        Ran,

        /// <summary>Outside the hours (or days) the cycle sends in: nothing done.</summary>
        QuietHours,
        Paused,
    }

    public sealed record Result(Outcome Outcome, DateOnly Day, DateOnly After, IReadOnlyList<PeriodOpening> Openings, int Planned, int Queued)
    {
        public int ReturnsOpened => Openings.Sum(o => o.Returns);
    }

    /// <summary>The recurring run: today (UK), catching up on the days since the last completed one.</summary>
    [AutomaticRetry(Attempts = 0)]
    public Task<Result> RunAsync(CancellationToken cancellationToken) =>
        metrics.TimeAsync("cycle", () => RunTodayAsync(cancellationToken), OutcomeTag);

    /// <summary>
    /// A performance officer's trigger: the cycle for one day (today or a recent day), whatever
    /// the hour. What was already queued is not queued again; the stored last day is not moved.
    /// </summary>
    [AutomaticRetry(Attempts = 0)]
    public Task<Result> RunForAsync(DateOnly day, CancellationToken cancellationToken) =>
        metrics.TimeAsync("cycle_for_day", () => RunForDayAsync(day, cancellationToken), OutcomeTag);

    private static string OutcomeTag(Result result) => result.Outcome switch
    {
        Outcome.Ran => "ran",
        Outcome.QuietHours => "quiet_hours",
        _ => "paused",
    };

    private async Task<Result> RunTodayAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = UkTime.DateOf(now);
        var settings = options.Value.Cycle;
        var time = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, UkTime.Zone).DateTime);
        if (time < settings.SendFrom || time >= settings.SendUntil || (settings.WorkingDaysOnly && !calendar.WorkingDays.IsWorkingDay(today)))
        {
            return new Result(Outcome.QuietHours, today, today, [], 0, 0);
        }

        var state = await states.GetAsync(cancellationToken);
        if (state.IsPaused)
        {
            return new Result(Outcome.Paused, today, today, [], 0, 0);
        }

        // The first run ever starts with today; after downtime the missed days are caught up.
        var after = state.LastCompletedDay ?? today.AddDays(-1);
        var earliest = today.AddDays(-settings.MaxCatchUpDays);
        if (after < earliest)
        {
            logger.LogWarning("The cycle last completed {LastDay}; catching up from {Earliest} only", after, earliest);
            after = earliest;
        }

        if (after > today)
        {
            after = today;
        }

        var result = await QueueAsync(after, today, cancellationToken);
        await states.CompleteAsync(today, cancellationToken);
        if (result.Queued > 0)
        {
            // Send now rather than at the delivery job's next occurrence.
            jobs.Enqueue<DeliverOutboxJob>(job => job.RunAsync(CancellationToken.None));
        }

        return result;
    }

    private async Task<Result> RunForDayAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var today = UkTime.Today(clock);
        if (day > today || day < today.AddDays(-options.Value.Cycle.MaxCatchUpDays))
        {
            throw new PmfRuleException($"The cycle can be run for today or the last {options.Value.Cycle.MaxCatchUpDays} days, not {day:d MMMM yyyy}.");
        }

        if ((await states.GetAsync(cancellationToken)).IsPaused)
        {
            return new Result(Outcome.Paused, day, day, [], 0, 0);
        }

        return await QueueAsync(day.AddDays(-1), day, cancellationToken);
    }

    private async Task<Result> QueueAsync(DateOnly after, DateOnly upTo, CancellationToken cancellationToken)
    {
        if (planner.PeriodsOpening(after, upTo).Count > 0)
        {
            // Returns open: find the Teams accounts of people who never spoke to PmfBot before the first nudge.
            await accounts.RunAsync(cancellationToken);
        }

        var plan = await planner.RunAsync(after, upTo, cancellationToken);
        var now = clock.GetUtcNow();
        var queued = await outbox.EnqueueAsync(plan.Messages.Select(m => m.ToOutbox(now)), cancellationToken);
        if (queued > 0 || plan.Openings.Count > 0)
        {
            logger.LogInformation(
                "Cycle for {After} to {UpTo}: opened {Returns} returns, queued {Queued} of {Planned} messages",
                after.AddDays(1), upTo, plan.Openings.Sum(o => o.Returns), queued, plan.Messages.Count);
        }

        return new Result(Outcome.Ran, upTo, after, plan.Openings, plan.Messages.Count, queued);
    }
}
