using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PmfBot.Bot.Storage;
using PmfBot.Bot.Tests.Support;
using PmfBot.Tests.Support;

namespace PmfBot.Bot.Tests.Storage;

/// <summary>`dotnet run --project src/Bot -- migrate [--script]`, as a council's IT runs it.</summary>
public sealed class MigrateCommandTests : IDisposable
{
    private readonly TemporarySqliteFile _file = new("pmf-migrate");
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task Other_arguments_are_left_to_the_bot()
    {
        Assert.Null(await MigrateCommand.TryRunAsync(["import", "list.csv"], _output, _error));
        Assert.Null(await MigrateCommand.TryRunAsync([], _output, _error));
    }

    [Fact]
    public async Task Migrate_brings_an_empty_file_up_to_date_says_which_database_and_exits()
    {
        var exit = await MigrateCommand.TryRunAsync(["migrate", $"--Storage:SqlitePath={_file.Path}"], _output, _error);

        Assert.Equal(0, exit);
        await using var db = Domain.Storage.DatabaseSetup.CreateContext(new() { SqlitePath = _file.Path });
        var migrations = db.Database.GetMigrations().ToList();
        Assert.Contains($"Migrated SQLite ({_file.Path}): an empty database: schema created, {migrations.Count} migrations applied ({string.Join(", ", migrations)})", _output.ToString());
        Assert.Equal("", _error.ToString());

        _output.GetStringBuilder().Clear();
        Assert.Equal(0, await MigrateCommand.TryRunAsync(["migrate", $"--Storage:SqlitePath={_file.Path}"], _output, _error));
        Assert.Contains("schema found, up to date", _output.ToString());
    }

    [Fact]
    public async Task Migrate_script_prints_the_SQL_for_a_DBA_and_changes_nothing()
    {
        var exit = await MigrateCommand.TryRunAsync(["migrate", "--script", $"--Storage:SqlitePath={_file.Path}"], _output, _error);

        Assert.Equal(0, exit);
        var script = _output.ToString();
        Assert.StartsWith($"-- PmfBot's schema migrations for SQLite ({_file.Path})", script);
        Assert.Contains("CREATE TABLE \"people\"", script);
        Assert.Contains("audit_log_no_delete", script);
        await using var connection = new SqliteConnection($"Data Source={_file.Path};Pooling=False");
        await connection.OpenAsync();
        await using var tables = connection.CreateCommand();
        tables.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'people'";
        Assert.Equal(0L, await tables.ExecuteScalarAsync());
    }

    [Fact]
    public async Task The_PostgreSQL_script_is_idempotent_and_makes_an_empty_database_whole()
    {
        await using var database = new PostgresTestDatabase();
        await database.CreateEmptyAsync();
        Assert.Equal(0, await MigrateCommand.TryRunAsync(["migrate", "--script", $"--ConnectionStrings:Pmf={database.ConnectionString}"], _output, _error));
        var script = _output.ToString();
        Assert.DoesNotContain(new NpgsqlConnectionStringBuilder(database.ConnectionString).Password!, script);

        await database.RunScriptAsync(script);
        await database.RunScriptAsync(script);

        await using var db = database.NewContext();
        Assert.Empty(await new Domain.Storage.StorageInitialiser(db).PendingAsync());
    }

    [Fact]
    public async Task A_refused_database_exits_with_one_and_the_reason()
    {
        await using (var connection = new SqliteConnection($"Data Source={_file.Path};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE people (\"Id\" INTEGER PRIMARY KEY)";
            await create.ExecuteNonQueryAsync();
        }

        var exit = await MigrateCommand.TryRunAsync(["migrate", $"--Storage:SqlitePath={_file.Path}"], _output, _error);

        Assert.Equal(1, exit);
        Assert.Contains($"SQLite ({_file.Path}) was not migrated: The database has tables named like PmfBot's", _error.ToString());
    }

    [Fact]
    public async Task A_usage_error_exits_with_two()
    {
        Assert.Equal(2, await MigrateCommand.TryRunAsync(["migrate", "now"], _output, _error));
        Assert.Contains("Usage: dotnet run --project src/Bot -- migrate [--script]", _error.ToString());
    }

    [Fact]
    public void A_relative_SQLite_path_is_taken_from_the_folder_the_command_was_typed_in()
    {
        var typedIn = Path.GetTempPath();

        Assert.Equal(Path.Combine(typedIn, "pmfbot.db"), StoragePaths.Resolve("pmfbot.db", typedIn));
        Assert.Equal(Path.Combine(typedIn, "data", "council.db"), StoragePaths.Resolve("data/council.db", typedIn));
        Assert.Equal("/var/lib/pmfbot/pmfbot.db", StoragePaths.Resolve("/var/lib/pmfbot/pmfbot.db", typedIn));
        Assert.Equal(Path.Combine(Directory.GetCurrentDirectory(), "pmfbot.db"), StoragePaths.Resolve("pmfbot.db", Path.Combine(typedIn, Guid.NewGuid().ToString("N"))));
    }
}
