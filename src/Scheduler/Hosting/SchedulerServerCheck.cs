using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace PmfBot.Scheduler.Hosting;

/// <summary>The name this instance's Hangfire server announces itself under (Hangfire adds `:` and a GUID).</summary>
public sealed record HangfireServerName(string Value)
{
    public bool Names(string serverId) =>
        serverId.StartsWith(Value.ToLowerInvariant() + ":", StringComparison.OrdinalIgnoreCase)
        || serverId.Equals(Value, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Readiness of the scheduler: where this instance runs a Hangfire server (role `all` or `worker`), that
/// server is in Hangfire's list of servers with a recent heartbeat. A `web` instance runs none and passes.
/// </summary>
public sealed class SchedulerServerCheck(JobStorage storage, IOptions<SchedulerOptions> options, HangfireServerName server) : IHealthCheck
{
    /// <summary>Hangfire beats every 30 s: four missed beats and the server is taken for stuck.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(2);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!options.Value.RunsServer)
        {
            return Task.FromResult(HealthCheckResult.Healthy("This instance runs no scheduler (Scheduler:Role is web)."));
        }

        var mine = storage.GetMonitoringApi().Servers().FirstOrDefault(s => server.Names(s.Name));
        if (mine?.Heartbeat is not { } heartbeat)
        {
            return Task.FromResult(new HealthCheckResult(context.Registration.FailureStatus, "This instance's scheduler (Hangfire server) is not running."));
        }

        // Heartbeats are stamped with the real UTC time (the demo clock does not move them).
        var age = DateTime.UtcNow - DateTime.SpecifyKind(heartbeat, DateTimeKind.Utc);
        return Task.FromResult(age > StaleAfter
            ? new HealthCheckResult(context.Registration.FailureStatus, $"This instance's scheduler last reported {age.TotalSeconds:0} s ago.")
            : HealthCheckResult.Healthy($"The scheduler is running ({mine.WorkersCount} workers)."));
    }
}
