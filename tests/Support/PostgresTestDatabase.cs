using Npgsql;
using PmfBot.Domain.Storage;

namespace PmfBot.Tests.Support;

/// <summary>
/// A database of its own on the throwaway server scripts/test.sh starts (PMF_TEST_POSTGRES).
/// Without that server the tests fail and say how to run them: they are not skipped.
/// </summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    public const string ServerVariable = "PMF_TEST_POSTGRES";
    private readonly string _database = $"pmf_test_{Guid.NewGuid():N}"[..24];

    public override StorageOptions Options => new() { PostgresConnectionString = ConnectionString };

    public override string Name => "PostgreSQL";

    public string ConnectionString => new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = _database }.ConnectionString;

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{ServerVariable} is not set: these tests need the PostgreSQL server that scripts/test.sh starts. Run scripts/test.sh.");

    public override async Task CreateEmptyAsync()
    {
        await using var server = new NpgsqlConnection(ServerConnectionString);
        await server.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {_database}", server);
        await create.ExecuteNonQueryAsync();
    }

    /// <summary>Runs a script (a pg_dump, `migrate --script`) in this database, as psql would.</summary>
    public async Task RunScriptAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var run = new NpgsqlCommand(sql, connection);
        await run.ExecuteNonQueryAsync();
    }

    public override async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var server = new NpgsqlConnection(ServerConnectionString);
        await server.OpenAsync();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", server);
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 20)
            {
                // An autovacuum worker (the superuser's) is busy in the database after a test
                // that wrote a lot; FORCE may not end it, but it finishes in a moment.
                await Task.Delay(500);
            }
        }
    }
}
