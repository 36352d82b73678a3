using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PmfBot.Domain.Storage;
using PmfBot.Tests.Support;

namespace PmfBot.Domain.Tests.Storage;

public sealed class StorageInitialiserOnSqlite() : StorageInitialiserTests(new SqliteTestDatabase());

public sealed class StorageInitialiserOnPostgres() : StorageInitialiserTests(new PostgresTestDatabase());

/// <summary>How the database is prepared at every start and by the `migrate` verb (issue 12).</summary>
public abstract class StorageInitialiserTests(TestDatabase database) : IAsyncLifetime
{
    public Task InitializeAsync() => database.CreateEmptyAsync();

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task An_empty_database_gets_every_migration()
    {
        await using var db = database.NewContext();

        var prepared = await new StorageInitialiser(db).InitialiseAsync();

        Assert.True(prepared.WasEmpty);
        Assert.False(prepared.AdoptedSchemaVersion3);
        Assert.Equal(db.Database.GetMigrations(), prepared.Applied);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(SchemaVersion.Current, (await db.SchemaVersions.SingleAsync()).Version);
        Assert.Equal(1, await db.DataVersion.CountAsync());
    }

    [Fact]
    public async Task A_second_start_keeps_the_schema_and_its_data()
    {
        await database.MigrateAsync();
        await using (var db = database.NewContext())
        {
            db.People.Add(new People.Person(Guid.NewGuid(), "Kept Person", "kept@council.test"));
            await db.SaveChangesAsync();
        }

        await using var again = database.NewContext();
        var prepared = await new StorageInitialiser(again).InitialiseAsync();

        Assert.False(prepared.WasEmpty);
        Assert.Empty(prepared.Applied);
        Assert.Equal(1, await again.People.CountAsync());
    }

    [Fact]
    public async Task The_model_has_no_change_without_its_migration()
    {
        // A model change needs scripts/add-migration.sh; EF Core would refuse to migrate without it.
        await using var db = database.NewContext();

        Assert.False(db.Database.HasPendingModelChanges(), "The model has changed since the last migration: run scripts/add-migration.sh <Name>.");
    }

    [Fact]
    public async Task A_database_a_newer_release_has_migrated_is_refused_with_what_to_do()
    {
        await database.MigrateAsync();
        await using (var db = database.NewContext())
        {
            await db.Database.ExecuteSqlRawAsync("INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('29991231000000_FromTheFuture', '10.0.15')");
        }

        await using var again = database.NewContext();
        var refused = await Assert.ThrowsAsync<StorageRefusedException>(() => new StorageInitialiser(again).InitialiseAsync());

        Assert.Contains("upgraded by a newer release of PmfBot (migration 29991231000000_FromTheFuture)", refused.Message);
        Assert.Contains("restore the backup", refused.Message);
    }

    [Fact]
    public async Task A_database_with_tables_PmfBot_did_not_make_is_refused_and_left_alone()
    {
        await using (var db = database.NewContext())
        {
            await db.Database.ExecuteSqlRawAsync("CREATE TABLE people (\"Id\" integer PRIMARY KEY, \"Name\" text)");
        }

        await using var again = database.NewContext();
        var refused = await Assert.ThrowsAsync<StorageRefusedException>(() => new StorageInitialiser(again).InitialiseAsync());

        Assert.Contains("not made by PmfBot", refused.Message);
        Assert.Empty(await again.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task A_database_of_an_older_schema_version_is_refused_with_the_release_to_go_through()
    {
        await using (var db = database.NewContext())
        {
            await db.Database.ExecuteSqlRawAsync("CREATE TABLE schema_version (\"Id\" integer PRIMARY KEY, \"Version\" integer NOT NULL)");
            await db.Database.ExecuteSqlRawAsync("INSERT INTO schema_version (\"Id\", \"Version\") VALUES (1, 2)");
        }

        await using var again = database.NewContext();
        var refused = await Assert.ThrowsAsync<StorageRefusedException>(() => new StorageInitialiser(again).InitialiseAsync());

        Assert.Contains("older PmfBot (schema version 2)", refused.Message);
        Assert.Contains("release of 2 December 2026", refused.Message);
    }

    [Fact]
    public async Task A_schema_version_3_database_made_before_the_stamp_existed_is_adopted_and_gets_it()
    {
        // As a version-3 database last started by a release from before data_version: the first
        // migration's tables (which are version 3's), a schema_version row, no history, no stamp.
        await using (var db = database.NewContext())
        {
            await db.GetService<IMigrator>().MigrateAsync(db.Database.GetMigrations().First());
            await db.Database.ExecuteSqlRawAsync("DROP TABLE \"__EFMigrationsHistory\"");
            await db.Database.ExecuteSqlRawAsync("DROP TABLE data_version");
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO schema_version (\"Id\", \"Version\", \"CreatedAt\") VALUES (1, 3, {0})",
                database.Options.UsesPostgres ? DateTimeOffset.UtcNow : 0L);
        }

        await using (var again = database.NewContext())
        {
            var prepared = await new StorageInitialiser(again).InitialiseAsync();
            Assert.True(prepared.AdoptedSchemaVersion3);
            Assert.Equal(again.Database.GetMigrations().Skip(1), prepared.Applied);
            again.People.Add(new People.Person(Guid.NewGuid(), "After upgrade", "after@council.test"));
            await again.SaveChangesAsync();
        }

        await using var check = database.NewContext();
        Assert.Equal(1, await check.People.CountAsync());
        Assert.Equal(1, await check.DataVersion.CountAsync());
        Assert.NotEqual(0, await check.DataVersion.Select(v => v.Stamp).SingleAsync());
        Assert.Equal(SchemaVersion.Current, (await check.SchemaVersions.SingleAsync()).Version);
    }

    [Fact]
    public async Task Several_instances_starting_together_on_an_empty_database_take_turns()
    {
        var contexts = Enumerable.Range(0, 4).Select(_ => database.NewContext()).ToList();
        try
        {
            var prepared = await Task.WhenAll(contexts.Select(db => new StorageInitialiser(db).InitialiseAsync()));

            // PostgreSQL: one instance finds the database empty and migrates it, the others wait their
            // turn and find it done. SQLite: EF Core's own migration lock makes them take turns.
            if (database.Options.UsesPostgres)
            {
                Assert.Single(prepared, p => p.WasEmpty);
            }

            Assert.Equal(contexts[0].Database.GetMigrations(), await contexts[0].Database.GetAppliedMigrationsAsync());
        }
        finally
        {
            foreach (var db in contexts)
            {
                await db.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task The_audit_log_stays_append_only_in_a_migrated_database()
    {
        await database.MigrateAsync();
        await using var db = database.NewContext();
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO audit_log (\"EntityType\", \"EntityId\", \"Action\", \"ActorName\", \"At\", \"After\") VALUES ('Person', {0}, 'created', 'Test', {1}, 'created')",
            Guid.NewGuid(), database.Options.UsesPostgres ? DateTimeOffset.UtcNow : 0L);

        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_log"));
        Assert.Equal(1, await db.AuditLog.CountAsync());
    }
}
