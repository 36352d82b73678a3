using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Outbox;
using PmfBot.Domain.People;
using PmfBot.Domain.Storage;
using PmfBot.Tests.Support;

namespace PmfBot.Domain.Tests.Storage;

public sealed class DataVersionOnSqlite() : DataVersionTests(new SqliteTestDatabase());

public sealed class DataVersionOnPostgres() : DataVersionTests(new PostgresTestDatabase());

/// <summary>
/// The stamp servers compare before reusing a rendered card: it must change with every saved change to
/// what cards show, in the same transaction, and not with the scheduler's own bookkeeping.
/// </summary>
public abstract class DataVersionTests(TestDatabase database) : IAsyncLifetime
{
    public Task InitializeAsync() => database.InitializeAsync();

    public Task DisposeAsync() => database.DisposeAsync();

    private async Task<long> StampAsync()
    {
        await using var db = database.NewContext();
        return await db.DataVersion.AsNoTracking().Select(v => v.Stamp).SingleAsync();
    }

    [Fact]
    public async Task Every_saved_change_to_the_council_changes_the_stamp_even_twice_in_one_context()
    {
        var before = await StampAsync();
        var person = new Person(Guid.NewGuid(), "Ann Owner", "ann@council.test");
        await using var db = database.NewContext();
        db.People.Add(person);
        await db.SaveChangesAsync();
        var afterAdd = await StampAsync();

        person.Rename("Ann Owner-Smith");
        await db.SaveChangesAsync();
        var afterRename = await StampAsync();

        Assert.NotEqual(before, afterAdd);
        Assert.NotEqual(afterAdd, afterRename);
    }

    [Fact]
    public async Task The_schedulers_bookkeeping_and_a_save_with_nothing_to_save_leave_the_stamp_alone()
    {
        var before = await StampAsync();
        await using (var db = database.NewContext())
        {
            db.Outbox.Add(OutboxMessage.ToPerson("test:1", "returns-open", Guid.NewGuid(), null, "{}", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
            await db.SaveChangesAsync();
        }

        Assert.Equal(before, await StampAsync());
    }

    [Fact]
    public async Task A_change_that_fails_to_save_leaves_the_stamp_as_it_was()
    {
        var id = Guid.NewGuid();
        await using (var db = database.NewContext())
        {
            db.People.Add(new Person(id, "First", "first@council.test"));
            await db.SaveChangesAsync();
        }

        var before = await StampAsync();
        await using (var db = database.NewContext())
        {
            db.People.Add(new Person(id, "Same id", "second@council.test"));
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        Assert.Equal(before, await StampAsync());
    }
}
