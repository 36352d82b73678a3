using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Storage;
using PmfBot.Tests.Support;

namespace PmfBot.Domain.Tests.Storage;

public sealed class StorageInitialiserOnSqlite() : StorageInitialiserTests(new SqliteTestDatabase());

public sealed class StorageInitialiserOnPostgres() : StorageInitialiserTests(new PostgresTestDatabase());

public abstract class StorageInitialiserTests(TestDatabase database) : IAsyncLifetime
{
    public Task InitializeAsync() => database.InitializeAsync();

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task A_second_start_keeps_the_schema_and_its_data()
    {
        await using (var db = database.NewContext())
        {
            db.People.Add(new People.Person(Guid.NewGuid(), "Kept Person", "kept@council.test"));
            await db.SaveChangesAsync();
        }

        await using var again = database.NewContext();
        var created = await new StorageInitialiser(again, TimeProvider.System).InitialiseAsync();

        Assert.False(created);
        Assert.Equal(1, await again.People.CountAsync());
    }

    [Fact]
    public async Task A_database_of_another_schema_version_stops_the_start_with_a_clear_message()
    {
        await using (var db = database.NewContext())
        {
            await db.SchemaVersions.ExecuteUpdateAsync(s => s.SetProperty(v => v.Version, SchemaVersion.Current + 1));
        }

        await using var again = database.NewContext();
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => new StorageInitialiser(again, TimeProvider.System).InitialiseAsync());

        Assert.Contains($"created for schema version {SchemaVersion.Current + 1}", refused.Message);
    }
}
