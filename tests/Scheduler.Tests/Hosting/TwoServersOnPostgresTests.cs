using System.Collections.Concurrent;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using PmfBot.Domain.Outbox;
using PmfBot.Scheduler.Delivery;
using PmfBot.Scheduler.Hosting;
using PmfBot.Scheduler.Jobs;
using PmfBot.Scheduler.Tests.Support;
using PmfBot.Tests.Support;
using Xunit.Abstractions;

namespace PmfBot.Scheduler.Tests.Hosting;

/// <summary>
/// Two PmfBot workers (two Hangfire servers, Hangfire.PostgreSql storage) on one real
/// PostgreSQL, both told to run the cycle and the delivery several times over, all at once.
/// </summary>
public sealed class TwoServersOnPostgresTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Owners = 300;
    private readonly PostgresTestDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(Days.TenAm(CampaignCouncil.Q3Opens));

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Every_message_is_delivered_exactly_once_when_two_servers_race()
    {
        await CampaignCouncil.SeedAsync(_database, Owners);
        var recording = new RecordingDelivery(_clock) { Delay = _ => TimeSpan.FromMilliseconds(100) };
        var byServer = new ConcurrentDictionary<int, int>();
        using var first = Worker(new CountingDelivery(recording, byServer, 1));
        using var second = Worker(new CountingDelivery(recording, byServer, 2));

        // Queued before the servers start, so their workers all pick the cycle up at once.
        foreach (var host in new[] { first, second })
        {
            var jobs = host.Services.GetRequiredService<IBackgroundJobClient>();
            for (var i = 0; i < 3; i++)
            {
                jobs.Enqueue<CycleJob>(job => job.RunAsync(CancellationToken.None));
            }
        }

        await Task.WhenAll(first.StartAsync(), second.StartAsync());
        foreach (var host in new[] { first, second })
        {
            host.Services.GetRequiredService<IRecurringJobManager>().Trigger(RecurringJobs.Cycle);
        }

        // Once the campaign is queued (each cycle run also queues a delivery), more deliveries on both servers.
        // Generous deadlines: this test is about exactly once, not speed. Under load (two busy cores) the servers
        // took ~15 s to start working and eight racing cycle runs then needed more than the 30 s once allowed.
        var queued = 0;
        await Eventually.HoldsAsync(async () => (queued = await QueuedAsync()) == Owners, () => $"the cycle to queue the campaign ({queued} of {Owners} outbox rows at the end)", TimeSpan.FromSeconds(90));
        foreach (var host in new[] { first, second })
        {
            var jobs = host.Services.GetRequiredService<IBackgroundJobClient>();
            for (var i = 0; i < 3; i++)
            {
                jobs.Enqueue<DeliverOutboxJob>(job => job.RunAsync(CancellationToken.None));
            }

            host.Services.GetRequiredService<IRecurringJobManager>().Trigger(RecurringJobs.Delivery);
        }

        var sent = 0;
        await Eventually.HoldsAsync(async () => (sent = await SentAsync()) == Owners && Idle(first), () => $"both servers to deliver the campaign and go idle ({sent} of {Owners} rows sent at the end)", TimeSpan.FromSeconds(90));
        await Task.WhenAll(first.StopAsync(), second.StopAsync());

        output.WriteLine($"Delivered by server: {string.Join(", ", byServer.OrderBy(s => s.Key))}; at most {recording.MaxConcurrent} at once");
        Assert.Equal(Owners, recording.Calls.Count);
        Assert.Equal(Owners, recording.Calls.Select(c => c.Message.Key).Distinct().Count());
        Assert.Equal(Owners, recording.Calls.Select(c => c.To).Distinct().Count());
        Assert.True(byServer.Count == 2, $"deliveries by server: {string.Join(", ", byServer)}");
        Assert.False(recording.OverlapSeen);
        await using var db = _database.NewContext();
        Assert.Equal(Owners, await db.Outbox.CountAsync());
    }

    private IHost Worker(IOutboxDelivery delivery) =>
        SchedulerServices.BuildHost(_database, _clock, delivery, s =>
        {
            s["ConnectionStrings:Pmf"] = _database.ConnectionString;
            s["Scheduler:Role"] = "worker";
            s["Scheduler:WorkerCount"] = "6";
            s["Scheduler:Delivery:MaxParallelConversations"] = "8";
        });

    private async Task<int> QueuedAsync()
    {
        await using var db = _database.NewContext();
        return await db.Outbox.CountAsync();
    }

    private async Task<int> SentAsync()
    {
        await using var db = _database.NewContext();
        return await db.Outbox.CountAsync(m => m.State == OutboxState.Sent);
    }

    private static bool Idle(IHost host)
    {
        var monitor = host.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        return monitor.ProcessingCount() == 0 && monitor.EnqueuedCount("default") == 0;
    }

    /// <summary>Counts which server delivered what, passing everything on to the shared recorder.</summary>
    private sealed class CountingDelivery(IOutboxDelivery inner, ConcurrentDictionary<int, int> counts, int server) : IOutboxDelivery
    {
        public Task<DeliveryOutcome> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            counts.AddOrUpdate(server, 1, (_, n) => n + 1);
            return inner.DeliverAsync(message, cancellationToken);
        }
    }
}
