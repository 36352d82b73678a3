using Microsoft.Extensions.Diagnostics.HealthChecks;
using PmfBot.Domain.Storage;
using PmfBot.Scheduler.Hosting;

namespace PmfBot.Bot.Health;

public static class HealthSetup
{
    /// <summary>The checks /readyz runs; each is named in its answer.</summary>
    public const string Ready = "ready";

    /// <summary>A check still running after this counts as failed: a probe must answer, not hang.</summary>
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Readiness: the database answers, its schema is current, and the scheduler runs where it should.</summary>
    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddDbContextCheck<PmfDbContext>("database", tags: [Ready])
            .AddCheck<SchemaCheck>("schema", tags: [Ready], timeout: CheckTimeout)
            .AddCheck<SchedulerServerCheck>("scheduler", tags: [Ready], timeout: CheckTimeout);
        builder.Services.Configure<HealthCheckServiceOptions>(o =>
        {
            foreach (var check in o.Registrations.Where(r => r.Timeout == Timeout.InfiniteTimeSpan))
            {
                check.Timeout = CheckTimeout;
            }
        });
        return builder;
    }
}
