using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PmfBot.Domain.Calendar;
using PmfBot.Scheduler.Delivery;
using PmfBot.Scheduler.Jobs;

namespace PmfBot.Scheduler.Hosting;

/// <summary>Every recurring job PmfBot has, registered in this one place.</summary>
public static class RecurringJobs
{
    public const string Cycle = "pmf-cycle";
    public const string Delivery = "pmf-deliver-outbox";
    public const string LinkAccounts = "pmf-link-teams-accounts";

    public static void Register(IRecurringJobManager jobs, SchedulerOptions options, bool withDelivery)
    {
        var ukTime = new RecurringJobOptions { TimeZone = UkTime.Zone };
        jobs.AddOrUpdate<CycleJob>(Cycle, job => job.RunAsync(CancellationToken.None), options.CycleCron, ukTime);
        jobs.AddOrUpdate<LinkTeamsAccountsJob>(LinkAccounts, job => job.RunAsync(CancellationToken.None), options.LinkAccountsCron, ukTime);
        if (withDelivery)
        {
            jobs.AddOrUpdate<DeliverOutboxJob>(Delivery, job => job.RunAsync(CancellationToken.None), options.DeliveryCron, ukTime);
        }
        else
        {
            jobs.RemoveIfExists(Delivery);
        }
    }
}

/// <summary>Registers the recurring jobs when a server starts (role `all` or `worker`).</summary>
internal sealed class RecurringJobsRegistration(
    IRecurringJobManager jobs,
    IOptions<SchedulerOptions> options,
    IServiceProvider services,
    ILogger<RecurringJobsRegistration> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var canDeliver = scope.ServiceProvider.GetService<IOutboxDelivery>() is not null;
        if (!canDeliver)
        {
            logger.LogWarning("No IOutboxDelivery is registered: the cycle queues messages but nothing sends them");
        }

        RecurringJobs.Register(jobs, options.Value, canDeliver);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
