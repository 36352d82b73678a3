using PmfBot.Domain.Storage;
using Xunit;

namespace PmfBot.Tests.Support;

/// <summary>
/// A real, empty PmfBot database for one test class: a SQLite file, or a database of its own
/// on the PostgreSQL server that scripts/test.sh starts.
/// </summary>
public abstract class TestDatabase : IAsyncLifetime
{
    public abstract StorageOptions Options { get; }

    public abstract string Name { get; }

    public PmfDbContext NewContext() => StorageSetup.CreateContext(Options);

    public virtual async Task InitializeAsync()
    {
        await using var db = NewContext();
        await new StorageInitialiser(db, TimeProvider.System).InitialiseAsync();
    }

    public abstract Task DisposeAsync();

    public override string ToString() => Name;
}
