using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PmfBot.Scheduler.Cycle;
using PmfBot.Scheduler.Delivery;
using PmfBot.Scheduler.Jobs;
using PmfBot.Scheduler.Telemetry;
using PmfBot.Scheduler.Tests.Support;
using PmfBot.Tests.Support;

namespace PmfBot.Scheduler.Tests.Telemetry;

/// <summary>The scheduler's instruments, recorded by the real jobs against a real database with a recording delivery.</summary>
public sealed class SchedulerMetricsTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(Days.TenAm(CampaignCouncil.Q3Opens));
    private CampaignCouncil _council = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _council = await CampaignCouncil.SeedAsync(_database, owners: 4);
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Each_outbox_delivery_is_counted_by_kind_and_outcome()
    {
        var (blocker, busy, failing) = (_council.Owners[0], _council.Owners[1], _council.Owners[2]);
        var delivery = new RecordingDelivery(_clock)
        {
            Outcome = m => m.PersonId == blocker.Id ? new DeliveryOutcome.Blocked()
                : m.PersonId == busy.Id ? new DeliveryOutcome.TryLater("429 Too Many Requests, retries exhausted")
                : m.PersonId == failing.Id ? new DeliveryOutcome.Failed("500 from the connector")
                : null,
        };
        await using var services = SchedulerServices.Build(_database, _clock, delivery, s => s["Scheduler:Delivery:MaxAttempts"] = "2");
        using var measurements = new RecordedMeasurements(services.GetRequiredService<IMeterFactory>(), PmfMeter.Name);

        await services.RunCycleAndDeliverAsync();
        _clock.Advance(TimeSpan.FromHours(1));
        await services.DeliverAsync();

        var kind = ("kind", OutboxKinds.ReturnsOpen);
        Assert.Equal(1, measurements.Total(SchedulerMetrics.OutboxDeliveries, kind, ("outcome", "sent")));
        Assert.Equal(1, measurements.Total(SchedulerMetrics.OutboxDeliveries, kind, ("outcome", "blocked")));
        // The busy owner's message: tried again on the first run, given up on the second (MaxAttempts 2).
        Assert.Equal(1, measurements.Total(SchedulerMetrics.OutboxDeliveries, kind, ("outcome", "retried")));
        Assert.Equal(2, measurements.Total(SchedulerMetrics.OutboxDeliveries, kind, ("outcome", "given_up")));
        Assert.Equal(5, measurements.Of(SchedulerMetrics.OutboxDeliveries).Count);
    }

    [Fact]
    public async Task A_delivery_that_overruns_its_timeout_is_counted_as_timed_out()
    {
        var slow = _council.Owners[0];
        var delivery = new RecordingDelivery(_clock) { Delay = m => m.PersonId == slow.Id ? TimeSpan.FromSeconds(30) : TimeSpan.Zero };
        await using var services = SchedulerServices.Build(_database, _clock, delivery, s => s["Scheduler:Delivery:Timeout"] = "00:00:00.5");
        using var measurements = new RecordedMeasurements(services.GetRequiredService<IMeterFactory>(), PmfMeter.Name);

        await services.RunCycleAndDeliverAsync();

        Assert.Equal(1, measurements.Total(SchedulerMetrics.OutboxDeliveries, ("kind", OutboxKinds.ReturnsOpen), ("outcome", "timed_out")));
        Assert.Equal(3, measurements.Total(SchedulerMetrics.OutboxDeliveries, ("outcome", "sent")));
    }

    [Fact]
    public async Task Every_job_run_records_its_duration_with_the_job_and_its_outcome()
    {
        await using var services = SchedulerServices.Build(_database, _clock, new RecordingDelivery(_clock));
        using var measurements = new RecordedMeasurements(services.GetRequiredService<IMeterFactory>(), PmfMeter.Name);

        await services.RunCycleAndDeliverAsync();
        _clock.SetUtcNow(Days.TenAm(CampaignCouncil.Q3Opens).AddHours(10)); // 20:00 UK: outside the hours the cycle sends in
        await services.WithAsync<CycleJob, CycleJob.Result>(job => job.RunAsync(CancellationToken.None));
        await Assert.ThrowsAsync<Domain.PmfRuleException>(() =>
            services.WithAsync<CycleJob, CycleJob.Result>(job => job.RunForAsync(DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime).AddYears(1), CancellationToken.None)));

        var runs = measurements.Of(SchedulerMetrics.JobDuration).Select(m => (m["job"], m["outcome"])).ToList();
        Assert.Equal([("cycle", "ran"), ("deliver_outbox", "ran"), ("cycle", "quiet_hours"), ("cycle_for_day", "failed")], runs);
        Assert.All(measurements.Of(SchedulerMetrics.JobDuration), m => Assert.InRange(m.Value, 0, 60));
        Assert.True(measurements.Of(SchedulerMetrics.JobDuration)[0].Value > 0);
    }
}
