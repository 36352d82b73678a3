using PmfBot.Domain.Storage;
using Xunit;

namespace PmfBot.Tests.Support;

/// <summary>
/// A real PmfBot database for one test class: a SQLite file, or a database of its own on the
/// PostgreSQL server that scripts/test.sh starts. <see cref="InitializeAsync"/> prepares it as the
/// bot's start does (every migration); <see cref="CreateEmptyAsync"/> leaves it empty, as a council
/// hands it over, for the tests of a first start.
/// </summary>
public abstract class TestDatabase : IAsyncLifetime
{
    public abstract StorageOptions Options { get; }

    public abstract string Name { get; }

    public PmfDbContext NewContext() => DatabaseSetup.CreateContext(Options);

    /// <summary>The database exists and holds nothing (SQLite: no file yet).</summary>
    public virtual Task CreateEmptyAsync() => Task.CompletedTask;

    public virtual async Task InitializeAsync()
    {
        await CreateEmptyAsync();
        await MigrateAsync();
    }

    /// <summary>Prepares the database as the bot's start does (every pending migration).</summary>
    public async Task MigrateAsync()
    {
        await using var db = NewContext();
        await new StorageInitialiser(db).InitialiseAsync();
    }

    public abstract Task DisposeAsync();

    public override string ToString() => Name;
}
