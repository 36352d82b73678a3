using Npgsql;
using PmfBot.Bench.Generator;
using PmfBot.Domain.Storage;

namespace PmfBot.Bench.Support;

/// <summary>
/// A PmfBot database of its own on the PostgreSQL server named by PMF_TEST_POSTGRES (the
/// throwaway cluster scripts/bench.sh starts), created empty and dropped when disposed.
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    public const string ServerVariable = "PMF_TEST_POSTGRES";

    private BenchDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public StorageOptions Options => new() { PostgresConnectionString = ConnectionString };

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } value
            ? value
            : throw new BenchSetupException($"{ServerVariable} is not set: run scripts/bench.sh, which starts a throwaway PostgreSQL, or point {ServerVariable} at one (an admin connection string).");

    /// <summary>An empty database with PmfBot's schema.</summary>
    public static async Task<BenchDatabase> CreateAsync(string purpose)
    {
        var name = $"pmf_bench_{purpose}_{Guid.NewGuid():N}"[..40].ToLowerInvariant();
        await using (var server = new NpgsqlConnection(ServerConnectionString))
        {
            await server.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", server);
            await create.ExecuteNonQueryAsync();
        }

        var database = new BenchDatabase(name, new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString);
        await using var db = DatabaseSetup.CreateContext(database.Options);
        await new StorageInitialiser(db).InitialiseAsync();
        return database;
    }

    /// <summary>A database holding a generated council, and what the benchmarks need to know of it.</summary>
    public static async Task<(BenchDatabase Database, GeneratedCouncil Council)> WithCouncilAsync(
        string purpose, CouncilSpec spec, DateOnly today, string serviceUrl, TextWriter log)
    {
        var database = await CreateAsync(purpose);
        log.WriteLine($"  generating: {spec.Describe()} ...");
        var council = await new CouncilGenerator(spec, today, serviceUrl).WriteAsync(database.Options);
        log.WriteLine($"  generated in {council.Took.TotalSeconds:0.0} s: {council.Returns:N0} returns, {council.AuditLines:N0} audit lines; quarter {council.Quarter.Label}");
        return (database, council);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var server = new NpgsqlConnection(ServerConnectionString);
        await server.OpenAsync();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", server);
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 20)
            {
                // An autovacuum worker is still busy in a database that was just written to.
                await Task.Delay(500);
            }
        }
    }
}

/// <summary>The benchmarks cannot run here; the message says what to do.</summary>
public sealed class BenchSetupException(string message) : Exception(message);
