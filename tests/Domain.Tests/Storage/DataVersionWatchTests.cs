using Microsoft.EntityFrameworkCore;
using Npgsql;
using PmfBot.Domain.People;
using PmfBot.Domain.Storage;
using PmfBot.Tests.Support;

namespace PmfBot.Domain.Tests.Storage;

/// <summary>
/// What a server believes the data-version stamp to be without asking: only what its listener read
/// after the last change it knows of, and never past a change this server saved itself.
/// </summary>
public sealed class DataVersionWatchTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    private PmfDbContext Watched(DataVersionWatch watch) => new(DatabaseSetup.UseStore(new DbContextOptionsBuilder<PmfDbContext>(), _database.Options).Options) { Watch = watch };

    [Fact]
    public async Task Until_a_stamp_is_kept_it_is_read_from_the_database_and_afterwards_from_memory()
    {
        var watch = new DataVersionWatch();
        await using var db = Watched(watch);
        var stored = await db.ReadDataStampAsync(CancellationToken.None);

        Assert.False(watch.IsKnown);
        Assert.Equal(stored, await watch.CurrentAsync(db, CancellationToken.None));

        Assert.True(watch.TryKeep(watch.Generation, stored + 1));
        Assert.True(watch.IsKnown);
        Assert.Equal(stored + 1, await watch.CurrentAsync(db, CancellationToken.None));
    }

    [Fact]
    public void A_read_that_began_before_something_was_forgotten_is_not_kept()
    {
        var watch = new DataVersionWatch();
        var readFrom = watch.Generation;

        watch.Forget();

        Assert.False(watch.TryKeep(readFrom, 7));
        Assert.False(watch.IsKnown);
    }

    [Fact]
    public async Task A_change_saved_through_a_watched_context_is_seen_at_once_on_this_server()
    {
        var watch = new DataVersionWatch();
        await using var db = Watched(watch);
        watch.TryKeep(watch.Generation, await db.ReadDataStampAsync(CancellationToken.None));
        var before = await db.DataStampAsync();

        db.People.Add(new Person(Guid.NewGuid(), "New Starter", "new.starter@council.test"));
        await db.SaveChangesAsync();

        Assert.False(watch.IsKnown);
        var after = await db.DataStampAsync();
        Assert.NotEqual(before, after);
        Assert.Equal(await db.ReadDataStampAsync(CancellationToken.None), after);
    }

    [Fact]
    public async Task The_schedulers_bookkeeping_leaves_what_the_watch_knows_alone()
    {
        var watch = new DataVersionWatch();
        await using var db = Watched(watch);
        watch.TryKeep(watch.Generation, 42);

        db.Outbox.Add(PmfBot.Domain.Outbox.OutboxMessage.ToPerson("test:watch", "returns-open", Guid.NewGuid(), null, "{}", DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();

        Assert.Equal(42, await db.DataStampAsync());
    }
}

/// <summary>The trigger that tells listening servers about a new stamp: at commit, never for a rolled-back change.</summary>
public sealed class DataVersionNotificationOnPostgres : IAsyncLifetime
{
    private readonly PostgresTestDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task A_committed_change_is_notified_and_a_rolled_back_one_is_not()
    {
        await using var listener = new NpgsqlConnection(_database.ConnectionString);
        await listener.OpenAsync();
        var heard = 0;
        listener.Notification += (_, e) =>
        {
            if (e.Channel == StorageInitialiser.DataVersionChannel)
                Interlocked.Increment(ref heard);
        };
        await using (var listen = new NpgsqlCommand($"LISTEN {StorageInitialiser.DataVersionChannel}", listener))
            await listen.ExecuteNonQueryAsync();

        await using (var db = _database.NewContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.People.Add(new Person(Guid.NewGuid(), "Never Saved", "never@council.test"));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        Assert.False(await listener.WaitAsync(TimeSpan.FromMilliseconds(500)));
        Assert.Equal(0, heard);

        await using (var db = _database.NewContext())
        {
            db.People.Add(new Person(Guid.NewGuid(), "Saved", "saved@council.test"));
            await db.SaveChangesAsync();
        }

        Assert.True(await listener.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(1, heard);
    }
}
