using System.Net;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PmfBot.Domain.Storage;

namespace PmfBot.Scheduler.Hosting;

public static class DashboardSetup
{
    public const string Path = "/hangfire";

    /// <summary>
    /// The Hangfire dashboard at /hangfire. With an authorisation policy named by
    /// `Scheduler:DashboardAuthorizationPolicy` (the host defines it: PmfBot's is the performance team,
    /// signed in with Entra) it requires that policy. Without one, in local mode (the embedded default,
    /// no PostgreSQL) it answers requests from this machine only; otherwise it is not mapped at all.
    /// Returns whether it was mapped.
    /// </summary>
    public static bool MapSchedulerDashboard(this IEndpointRouteBuilder endpoints)
    {
        var services = endpoints.ServiceProvider;
        var storage = services.GetRequiredService<StorageOptions>();
        var settings = services.GetRequiredService<IOptions<SchedulerOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DashboardSetup));
        if (!string.IsNullOrWhiteSpace(settings.DashboardAuthorizationPolicy))
        {
            endpoints.MapHangfireDashboardWithAuthorizationPolicy(
                settings.DashboardAuthorizationPolicy,
                Path,
                new DashboardOptions { Authorization = [], DisplayStorageConnectionString = false });
            return true;
        }

        if (!storage.UsesPostgres)
        {
            endpoints.MapHangfireDashboard(Path, new DashboardOptions { Authorization = [new LoopbackOnly()], DisplayStorageConnectionString = false });
            return true;
        }

        logger.LogInformation("The scheduler dashboard is not mapped: set Dashboard:SignIn (or Scheduler:DashboardAuthorizationPolicy) to say who may see it");
        return false;
    }
}

/// <summary>Lets in requests from this machine (a loopback address) only.</summary>
public sealed class LoopbackOnly : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) =>
        IPAddress.TryParse(context.Request.RemoteIpAddress, out var remote)
        && IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote);
}
