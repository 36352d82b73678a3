using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PmfBot.Domain.Outbox;
using PmfBot.Scheduler.Cycle;
using PmfBot.Scheduler.Delivery;
using PmfBot.Scheduler.Graph;
using PmfBot.Scheduler.Tests.Support;
using PmfBot.Tests.Support;

namespace PmfBot.Scheduler.Tests.Jobs;

public sealed class DeliverOutboxJobOnSqlite() : DeliverOutboxJobTests(new SqliteTestDatabase());

public sealed class DeliverOutboxJobOnPostgres() : DeliverOutboxJobTests(new PostgresTestDatabase());

/// <summary>Faults from the delivery (the bot's connector): blocked, failed after retries, not installed, slow, hung.</summary>
public abstract class DeliverOutboxJobTests(TestDatabase database) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(Days.TenAm(CampaignCouncil.Q3Opens));
    private readonly FakeDirectory _directory = new();
    private RecordingDelivery _delivery = null!;
    private CampaignCouncil _council = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        _council = await CampaignCouncil.SeedAsync(database, owners: 8);
        _delivery = new RecordingDelivery(_clock);
    }

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task Blocked_and_failed_messages_are_recorded_and_reported_and_nothing_else_is_lost()
    {
        var (blocker, failing) = (_council.Owners[0], _council.Owners[1]);
        _delivery.Outcome = m => m.PersonId == blocker.Id ? new DeliveryOutcome.Blocked()
            : m.PersonId == failing.Id ? new DeliveryOutcome.Failed("502 Bad Gateway from the connector, 5 attempts")
            : null;
        await using var services = Build();

        var (cycle, delivered) = await services.RunCycleAndDeliverAsync();
        var again = await services.DeliverAsync();

        Assert.Equal(8, cycle.Queued);
        Assert.Equal((6, 1, 1), (delivered.Sent, delivered.Blocked, delivered.Failed));
        Assert.Equal(0, again.Total);
        Assert.Equal(8, _delivery.Calls.Count);

        await using var db = database.NewContext();
        var states = await db.Outbox.AsNoTracking().ToDictionaryAsync(m => m.PersonId!.Value, m => m);
        Assert.Equal(OutboxState.Blocked, states[blocker.Id].State);
        Assert.Equal(OutboxState.Failed, states[failing.Id].State);
        Assert.Equal("502 Bad Gateway from the connector, 5 attempts", states[failing.Id].LastError);
        Assert.All(_council.Owners.Skip(2), o => Assert.Equal(OutboxState.Sent, states[o.Id].State));
        Assert.True((await db.People.AsNoTracking().SingleAsync(p => p.Id == blocker.Id)).HasBlockedBot);

        // The performance team's list of delivery problems names the people and the errors.
        var problems = await services.WithAsync<OutboxProblems, IReadOnlyList<OutboxProblems.Problem>>(p => p.ListAsync());
        Assert.Equal(
            [(blocker.Name, OutboxState.Blocked), (failing.Name, OutboxState.Failed)],
            problems.OrderBy(p => p.PersonName).Select(p => (p.PersonName, p.State)));
        Assert.All(problems, p => Assert.Equal(OutboxKinds.ReturnsOpen, p.Kind));

        // A failed message retried by the performance team is sent on the next run.
        _delivery.Outcome = _ => null;
        Assert.True(await services.WithAsync<OutboxProblems, bool>(p => p.RetryAsync(states[failing.Id].Id, _clock.GetUtcNow())));
        Assert.Equal(1, (await services.DeliverAsync()).Sent);
        Assert.Single(await services.WithAsync<OutboxProblems, IReadOnlyList<OutboxProblems.Problem>>(p => p.ListAsync()));
    }

    [Fact]
    public async Task A_slow_conversation_does_not_hold_up_the_others()
    {
        var slow = _council.Owners[0];
        _delivery.Delay = m => m.PersonId == slow.Id ? TimeSpan.FromSeconds(5) : TimeSpan.FromMilliseconds(300);
        await using var services = Build();
        await services.WithAsync<Scheduler.Jobs.CycleJob, Scheduler.Jobs.CycleJob.Result>(job => job.RunAsync(CancellationToken.None));

        var delivered = await services.DeliverAsync();

        // The others finish while the slow one is still sending (by order, not by the clock: a
        // time bound failed on a busy machine).
        Assert.Equal(8, delivered.Sent);
        Assert.Equal(slow.Id, _delivery.Completed[^1].PersonId);
        Assert.True(_delivery.MaxConcurrent > 1);
        Assert.False(_delivery.OverlapSeen);
    }

    [Fact]
    public async Task A_slow_conversation_does_not_hold_up_the_next_batch()
    {
        // A 429 waiting out its Retry-After is a slow conversation; the batches after it must not wait for it.
        await using var services = Build(s =>
        {
            s["Scheduler:Delivery:BatchSize"] = "2";
            s["Scheduler:Delivery:MaxParallelConversations"] = "2";
        });
        await services.WithAsync<Scheduler.Jobs.CycleJob, Scheduler.Jobs.CycleJob.Result>(job => job.RunAsync(CancellationToken.None));
        Guid slow;
        await using (var db = database.NewContext())
        {
            slow = (await db.Outbox.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).FirstAsync()).PersonId!.Value;
        }

        _delivery.Delay = m => m.PersonId == slow ? TimeSpan.FromSeconds(3) : TimeSpan.FromMilliseconds(100);
        var delivered = await services.DeliverAsync();

        // The slow one is in the first batch of two; waiting for it at the end of that batch would send it before the other six.
        Assert.Equal(8, delivered.Sent);
        Assert.Equal(slow, _delivery.Completed[^1].PersonId);
        Assert.False(_delivery.OverlapSeen);
    }

    [Fact]
    public async Task A_delivery_that_hangs_is_abandoned_and_sent_again_once_its_claim_times_out()
    {
        var hung = _council.Owners[0];
        var attempts = 0;
        _delivery.Delay = m => m.PersonId == hung.Id && Interlocked.Increment(ref attempts) == 1 ? TimeSpan.FromMinutes(5) : TimeSpan.Zero;
        await using var services = Build(s => s["Scheduler:Delivery:Timeout"] = "00:00:00.5");

        var (_, first) = await services.RunCycleAndDeliverAsync();
        var meanwhile = await services.DeliverAsync();
        _clock.Advance(OutboxStore.ClaimTimeout + TimeSpan.FromSeconds(1));
        var afterTimeout = await services.DeliverAsync();

        Assert.Equal((7, 1), (first.Sent, first.Abandoned));
        Assert.Equal(0, meanwhile.Total);
        Assert.Equal(1, afterTimeout.Sent);
        Assert.Equal(2, _delivery.Calls.Count(c => c.To == hung.Id));
        await using var db = database.NewContext();
        var message = await db.Outbox.AsNoTracking().SingleAsync(m => m.PersonId == hung.Id);
        Assert.Equal((OutboxState.Sent, 2), (message.State, message.Attempts));
    }

    [Fact]
    public async Task Each_conversation_gets_its_messages_one_at_a_time_in_queue_order()
    {
        var person = _council.Owners[0];
        await using var services = Build();
        await using (var scope = services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<OutboxStore>();
            for (var i = 0; i < 5; i++)
            {
                _clock.Advance(TimeSpan.FromSeconds(1));
                await store.EnqueueAsync([OutboxMessage.ToPerson($"test:{i}", "test.kind", person.Id, null, "{}", _clock.GetUtcNow())]);
            }
        }

        _delivery.Delay = _ => TimeSpan.FromMilliseconds(20);
        var (_, delivered) = await services.RunCycleAndDeliverAsync();

        Assert.Equal(13, delivered.Sent);
        Assert.Equal(["test:0", "test:1", "test:2", "test:3", "test:4"], _delivery.Calls.Where(c => c.Kind == "test.kind").Select(c => c.Message.Key));
        Assert.False(_delivery.OverlapSeen);
    }

    [Fact]
    public async Task A_person_without_the_app_is_reported_or_has_it_installed_and_is_sent_the_message_again()
    {
        var (installable, notInstallable) = (_council.Owners[0], _council.Owners[1]);
        await using (var db = database.NewContext())
        {
            var person = await db.People.SingleAsync(p => p.Id == installable.Id);
            person.LinkEntraObjectId("00000000-0000-0000-0000-0000000000a1");
            await db.SaveChangesAsync();
        }

        _directory.CanInstall = true;
        var installed = false;
        _delivery.Outcome = m =>
            (m.PersonId == installable.Id && !installed) || m.PersonId == notInstallable.Id ? new DeliveryOutcome.NotInstalled("No conversation reference.") : null;
        await using var services = Build(also: s => s.AddSingleton<IDirectory>(_directory));

        var (_, first) = await services.RunCycleAndDeliverAsync();
        installed = true;
        var second = await services.DeliverAsync();

        Assert.Equal((6, 1, 1), (first.Sent, first.Requeued, first.NotInstalled));
        Assert.Equal(["00000000-0000-0000-0000-0000000000a1"], _directory.Installed);
        Assert.Equal(1, second.Sent);
        var problem = Assert.Single(await services.WithAsync<OutboxProblems, IReadOnlyList<OutboxProblems.Problem>>(p => p.ListAsync()));
        Assert.Equal((notInstallable.Name, OutboxState.NotInstalled, "No conversation reference."), (problem.PersonName, problem.State, problem.Error));
    }

    private ServiceProvider Build(Action<Dictionary<string, string?>>? configure = null, Action<IServiceCollection>? also = null) =>
        SchedulerServices.Build(database, _clock, _delivery, configure, also);
}
