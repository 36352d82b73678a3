using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Outbox;
using PmfBot.Domain.Tests.Support;
using PmfBot.Tests.Support;

namespace PmfBot.Domain.Tests.Outbox;

public sealed class OutboxStoreOnSqlite() : OutboxStoreTests(new SqliteTestDatabase());

public sealed class OutboxStoreOnPostgres() : OutboxStoreTests(new PostgresTestDatabase());

public abstract class OutboxStoreTests(TestDatabase database) : DatabaseTest(database)
{
    [Fact]
    public async Task The_same_key_is_queued_once_however_often_it_is_enqueued()
    {
        var first = await Enqueue("Reminder:owner:2025-10-07");
        var again = await Enqueue("Reminder:owner:2025-10-07");
        var other = await Enqueue("Overdue:owner:2025-10-15");

        Assert.Equal((1, 0, 1), (first, again, other));
        await using var db = Database.NewContext();
        Assert.Equal(2, await db.Outbox.CountAsync());
    }

    [Fact]
    public async Task Many_writers_queueing_the_same_keys_at_once_queue_each_once()
    {
        var keys = Enumerable.Range(0, 20).Select(i => $"ReturnsOpen:owner{i}:2025-10-01").ToList();

        var added = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var total = 0;
            foreach (var key in keys)
            {
                total += await Enqueue(key);
            }

            return total;
        })));

        Assert.Equal(20, added.Sum());
        await using var db = Database.NewContext();
        Assert.Equal(20, await db.Outbox.CountAsync());
    }

    [Fact]
    public async Task Only_one_sender_can_claim_a_message()
    {
        await Enqueue("ReturnsOpen:owner:2025-10-01");
        await using var read = Database.NewContext();
        var id = Assert.Single(await new OutboxStore(read, Clock).DueAsync(10));

        var claims = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            await using var db = Database.NewContext();
            return await new OutboxStore(db, Clock).TryClaimAsync(id);
        })));

        Assert.Equal(1, claims.Count(c => c));
        Assert.Empty(await new OutboxStore(read, Clock).DueAsync(10));
    }

    [Fact]
    public async Task A_claim_abandoned_by_a_dead_server_is_due_again_after_the_timeout()
    {
        await Enqueue("ReturnsOpen:owner:2025-10-01");
        await using var db = Database.NewContext();
        var store = new OutboxStore(db, Clock);
        var id = Assert.Single(await store.DueAsync(10));
        Assert.True(await store.TryClaimAsync(id));

        Clock.Advance(OutboxStore.ClaimTimeout + TimeSpan.FromSeconds(1));

        Assert.Equal([id], await store.DueAsync(10));
        Assert.True(await store.TryClaimAsync(id));
        Assert.Equal(2, (await db.Outbox.AsNoTracking().SingleAsync()).Attempts);
    }

    private async Task<int> Enqueue(string key)
    {
        await using var db = Database.NewContext();
        var message = OutboxMessage.ToPerson(key, "nudge.Reminder", Council.Owner.Id, TestCouncil.Q2, "{}", Clock.GetUtcNow());
        return await new OutboxStore(db, Clock).EnqueueAsync([message]);
    }
}
