using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PmfBot.Domain.Storage;
using PmfBot.Tests.Support;

namespace PmfBot.Bot.Tests.Storage;

/// <summary>
/// A council's first start: the real host on the empty database the deployment guide asks for,
/// with nothing prepared before it starts (the release of 2 December 2026 died here on PostgreSQL:
/// Hangfire made its schema first and EnsureCreated then made nothing).
/// </summary>
public sealed class FirstStartTests
{
    [Fact]
    public async Task The_host_starts_on_an_empty_PostgreSQL_database_with_its_scheduler()
    {
        await using var database = new PostgresTestDatabase();
        await database.CreateEmptyAsync();
        await using var host = new StartedHost(database);

        var health = await host.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        await AssertMigratedAsync(host);
        Assert.True(await HangfireSchemaExistsAsync(database), "Hangfire made its schema beside PmfBot's tables");
    }

    [Fact]
    public async Task The_host_starts_on_an_empty_SQLite_file()
    {
        await using var database = new SqliteTestDatabase();
        Assert.False(File.Exists(database.Options.SqlitePath));
        await using var host = new StartedHost(database);

        var health = await host.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        await AssertMigratedAsync(host);
    }

    [Fact]
    public async Task Two_hosts_starting_together_on_an_empty_PostgreSQL_database_both_start()
    {
        await using var database = new PostgresTestDatabase();
        await database.CreateEmptyAsync();
        await using var first = new StartedHost(database);
        await using var second = new StartedHost(database);

        var answers = await Task.WhenAll(
            Task.Run(() => first.CreateClient().GetAsync("/healthz")),
            Task.Run(() => second.CreateClient().GetAsync("/healthz")));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        await AssertMigratedAsync(first);
        await AssertMigratedAsync(second);
    }

    [Fact]
    public async Task A_database_a_newer_release_migrated_stops_the_start_with_the_reason_and_no_stack_trace()
    {
        await using var database = new SqliteTestDatabase();
        await database.InitializeAsync();
        await using (var db = database.NewContext())
        {
            await db.Database.ExecuteSqlRawAsync("INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('29991231000000_FromTheFuture', '10.0.15')");
        }

        await using var host = new StartedHost(database);

        // Program exits with 1 before the host starts; the factory reports that it never started.
        Assert.ThrowsAny<Exception>(() => host.CreateClient());
        var reason = Assert.Single(host.Logs.Lines, l => l.Contains("PmfBot cannot start on SQLite", StringComparison.Ordinal));
        Assert.Contains("upgraded by a newer release of PmfBot (migration 29991231000000_FromTheFuture)", reason);
        Assert.DoesNotContain("   at ", reason);
    }

    private static async Task AssertMigratedAsync(StartedHost host)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PmfDbContext>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(SchemaVersion.Current, (await db.SchemaVersions.SingleAsync()).Version);
    }

    private static async Task<bool> HangfireSchemaExistsAsync(PostgresTestDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = 'hangfire'", connection);
        return (long)(await query.ExecuteScalarAsync())! == 1;
    }
}
