using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PmfBot.Domain.Storage;
using PmfBot.Tests.Support;

namespace PmfBot.Bot.Tests.Storage;

public sealed class SchemaVersion3UpgradeOnSqlite() : SchemaVersion3UpgradeTests(new SqliteTestDatabase());

public sealed class SchemaVersion3UpgradeOnPostgres() : SchemaVersion3UpgradeTests(new PostgresTestDatabase());

/// <summary>
/// A council's database made by the release of 2 December 2026 (schema version 3, EnsureCreated),
/// upgraded in place by starting this release on it: every person, return, rating, action, risk
/// and audit line it had is still there, to the letter, and today's model reads them.
/// </summary>
public abstract class SchemaVersion3UpgradeTests(TestDatabase database) : IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        if (database is PostgresTestDatabase postgres)
        {
            await postgres.CreateEmptyAsync();
            await SchemaV3Fixtures.RestorePostgresAsync(postgres);
        }
        else
        {
            SchemaV3Fixtures.CopySqliteTo(database.Options.SqlitePath);
        }
    }

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task Starting_this_release_on_it_keeps_every_row_it_had()
    {
        var before = await ReadCouncilAsync();
        Assert.True(before["people"].Count > 10 && before["returns"].Count > 100 && before["priority_ratings"].Count > 0 && before["audit_log"].Count > 0,
            "The fixture holds a council: people, returns, ratings and audit lines");

        // No scheduler: nothing but the upgrade may write while the rows are compared.
        await using (var host = new StartedHost(database, role: "web"))
        {
            Assert.Equal(HttpStatusCode.OK, (await host.CreateClient().GetAsync("/healthz")).StatusCode);
            using var scope = host.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PmfDbContext>();
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());

            // Today's model reads what the old release wrote.
            Assert.Equal(before["people"].Count, (await db.People.ToListAsync()).Count);
            Assert.Equal(before["returns"].Count, (await db.Returns.ToListAsync()).Count);
            Assert.Equal(before["priority_ratings"].Count, (await db.Ratings.ToListAsync()).Count);
            Assert.Equal(before["audit_log"].Count, (await db.AuditLog.ToListAsync()).Count);
            Assert.Equal(SchemaVersion.Current, (await db.SchemaVersions.SingleAsync()).Version);
        }

        await AssertEveryRowKeptAsync(before);
    }

    [Fact]
    public async Task A_saved_change_after_the_upgrade_is_audited_and_the_audit_log_stays_append_only()
    {
        await using (var db = database.NewContext())
        {
            await new StorageInitialiser(db).InitialiseAsync();
        }

        await using var again = database.NewContext();
        var person = await again.People.OrderBy(p => p.Email).FirstAsync();
        person.Rename(person.Name + " (renamed)");
        await again.SaveChangesAsync();

        await Assert.ThrowsAnyAsync<Exception>(() => again.Database.ExecuteSqlRawAsync("DELETE FROM audit_log"));
        Assert.Equal(1, await again.DataVersion.CountAsync());
    }

    [Fact]
    public async Task A_second_start_after_the_upgrade_finds_nothing_to_do()
    {
        await using (var db = database.NewContext())
        {
            var first = await new StorageInitialiser(db).InitialiseAsync();
            Assert.True(first.AdoptedSchemaVersion3);
            Assert.False(first.WasEmpty);
        }

        await using var again = database.NewContext();
        var second = await new StorageInitialiser(again).InitialiseAsync();

        Assert.False(second.AdoptedSchemaVersion3);
        Assert.Empty(second.Applied);
    }

    [Fact]
    public async Task The_migrate_script_upgrades_it_as_the_start_would()
    {
        var before = await ReadCouncilAsync();
        string script;
        await using (var db = database.NewContext())
        {
            script = await new StorageInitialiser(db).ScriptAsync();
        }

        if (database is PostgresTestDatabase postgres)
        {
            await postgres.RunScriptAsync(script);
        }
        else
        {
            await using var db = database.NewContext();
            await db.Database.ExecuteSqlRawAsync(script);
        }

        await using var check = database.NewContext();
        Assert.Empty(await new StorageInitialiser(check).PendingAsync());
        var prepared = await new StorageInitialiser(check).InitialiseAsync();
        Assert.False(prepared.AdoptedSchemaVersion3);
        Assert.Empty(prepared.Applied);
        await AssertEveryRowKeptAsync(before);
    }

    // The columns the old release had, read again: a migration may add columns, never change a value.
    private async Task AssertEveryRowKeptAsync(Dictionary<string, TableRows> before)
    {
        foreach (var table in SchemaV3Fixtures.CouncilTables)
        {
            var after = await SchemaV3Fixtures.RowsAsync(database, table, before[table].Columns);
            Assert.Equal(before[table].Rows, after.Rows);
        }
    }

    private async Task<Dictionary<string, TableRows>> ReadCouncilAsync()
    {
        var rows = new Dictionary<string, TableRows>();
        foreach (var table in SchemaV3Fixtures.CouncilTables)
        {
            rows[table] = await SchemaV3Fixtures.RowsAsync(database, table);
        }

        return rows;
    }
}
