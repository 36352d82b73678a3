using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PmfBot.Bot.Storage;
using PmfBot.Domain.Storage;

namespace PmfBot.Bot.Health;

/// <summary>
/// Readiness of the schema: prepared at start, and no EF Core migration left to apply (an instance of a
/// newer release must not take traffic on a database an older one still serves, nor the other way round).
/// </summary>
internal sealed class SchemaCheck(PmfDbContext db, StorageReadiness storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!storage.IsReady)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The database schema is still being prepared.");
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        return pending.Count == 0
            ? HealthCheckResult.Healthy("No migrations pending.")
            : new HealthCheckResult(context.Registration.FailureStatus, $"{pending.Count} migration(s) not applied: {string.Join(", ", pending)}.");
    }
}
