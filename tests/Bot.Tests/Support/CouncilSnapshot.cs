using Microsoft.Data.Sqlite;
using PmfBot.Domain.Storage;
using Respawn;
using Respawn.Graph;

namespace PmfBot.Bot.Tests.Support;

/// <summary>
/// A SQLite test database as it stood once (migrated, and seeded if the bot seeded it), put back
/// between tests: Respawn empties every PmfBot table, then the rows are copied back from a copy
/// taken at the start (VACUUM INTO). EF Core's migration history and lock are left alone, so the
/// schema is never touched. Much cheaper than starting a host, migrating and seeding for each test.
/// </summary>
internal sealed class CouncilSnapshot : IAsyncDisposable
{
    private static readonly Table[] Kept = ["__EFMigrationsHistory", "__EFMigrationsLock"];

    private readonly string _database;
    private readonly string _copy;
    private Respawner? _respawner;

    private CouncilSnapshot(string database)
    {
        _database = database;
        _copy = database + ".snapshot";
    }

    /// <summary>Copies the database as it stands now.</summary>
    public static async Task<CouncilSnapshot> TakeAsync(StorageOptions options)
    {
        if (options.UsesPostgres || string.IsNullOrEmpty(options.SqlitePath))
        {
            // Respawn's PostgreSQL adapter disables the triggers of self-referencing tables (people), which only
            // a superuser may do: bots on PostgreSQL are started for each test instead.
            throw new NotSupportedException("A shared bot resets SQLite only; start a bot of its own for PostgreSQL.");
        }

        var snapshot = new CouncilSnapshot(options.SqlitePath);
        File.Delete(snapshot._copy);
        await using var connection = await snapshot.OpenAsync();
        await ExecuteAsync(connection, $"VACUUM INTO '{snapshot._copy}';");
        return snapshot;
    }

    /// <summary>Every PmfBot table back to the rows it held when the snapshot was taken, and a new data-version stamp.</summary>
    public async Task RestoreAsync()
    {
        await using var connection = await OpenAsync();

        // The audit log refuses deletions (its triggers); a test's database may lose its lines, a council's never.
        await ExecuteAsync(connection, "PRAGMA foreign_keys = OFF; DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;");
        _respawner ??= await Respawner.CreateAsync(connection, new RespawnerOptions { DbAdapter = DbAdapter.Sqlite, TablesToIgnore = Kept });
        await _respawner.ResetAsync(connection);

        await ExecuteAsync(connection, $"ATTACH DATABASE '{_copy}' AS snapshot;");
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM snapshot.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EFMigrations%';";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        await using (var copy = connection.BeginTransaction())
        {
            foreach (var table in tables)
            {
                await ExecuteAsync(connection, $"INSERT INTO main.\"{table}\" SELECT * FROM snapshot.\"{table}\";", copy);
            }

            // A new stamp, as after any saved change: nothing kept under an earlier one is served.
            await ExecuteAsync(connection, "UPDATE data_version SET \"Stamp\" = abs(random() % 4611686018427387903) + 1;", copy);
            await copy.CommitAsync();
        }

        await ExecuteAsync(connection, "DETACH DATABASE snapshot;");
        await ExecuteAsync(connection, StorageTriggers.SqliteAuditLogAppendOnly);
    }

    public ValueTask DisposeAsync()
    {
        File.Delete(_copy);
        return ValueTask.CompletedTask;
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        // Pooling off: this connection's PRAGMA and ATTACH must not follow it into the bot's pool.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _database, Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync();
    }
}
