using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PmfBot.Scheduler.Telemetry;

/// <summary>
/// The one meter PmfBot's own counters are on. Created through <see cref="IMeterFactory"/>, so each
/// host has its own instance (tests listen to one host only) and an exporter finds it by this name.
/// </summary>
public static class PmfMeter
{
    public const string Name = "PmfBot";
}

/// <summary>What the scheduler's jobs did: outbox deliveries by kind and outcome, and how long each job run took.</summary>
public sealed class SchedulerMetrics
{
    public const string OutboxDeliveries = "pmfbot.outbox.deliveries";
    public const string JobDuration = "pmfbot.scheduler.job.duration";

    private readonly Counter<long> _deliveries;
    private readonly Histogram<double> _jobDuration;

    public SchedulerMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(PmfMeter.Name);
        _deliveries = meter.CreateCounter<long>(
            OutboxDeliveries, "{message}", "Outbox messages handed to Teams, by kind and outcome (sent, retried, timed_out, blocked, not_installed, given_up).");
        _jobDuration = meter.CreateHistogram<double>(
            JobDuration, "s", "How long a scheduler job run took, by job and outcome.");
    }

    public void OutboxDelivered(string kind, string outcome) =>
        _deliveries.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>Runs a job and records its duration with the outcome <paramref name="outcomeOf"/> names, or `failed` when it throws.</summary>
    public async Task<T> TimeAsync<T>(string job, Func<Task<T>> run, Func<T, string> outcomeOf)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = "failed";
        try
        {
            var result = await run();
            outcome = outcomeOf(result);
            return result;
        }
        finally
        {
            _jobDuration.Record(
                Stopwatch.GetElapsedTime(started).TotalSeconds,
                new KeyValuePair<string, object?>("job", job),
                new KeyValuePair<string, object?>("outcome", outcome));
        }
    }
}
