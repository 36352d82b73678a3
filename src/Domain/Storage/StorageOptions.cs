using Npgsql;

namespace PmfBot.Domain.Storage;

/// <summary>
/// Where PmfBot keeps its data: PostgreSQL when a connection string is given
/// (`ConnectionStrings:Pmf`), otherwise a SQLite file (the bot resolves a relative path).
/// </summary>
public sealed class StorageOptions : Settings.ISettings
{
    public const string Section = "Storage";

    public string? PostgresConnectionString { get; set; }

    public string SqlitePath { get; set; } = "pmfbot.db";

    /// <summary>False: the bot refuses a database that is behind, and the DBA runs `migrate` (docs/deployment.md).</summary>
    public bool MigrateOnStart { get; set; } = true;

    public bool UsesPostgres => !string.IsNullOrWhiteSpace(PostgresConnectionString);

    public IReadOnlyList<string> Problems()
    {
        if (!UsesPostgres)
        {
            return string.IsNullOrWhiteSpace(SqlitePath) ? ["Storage:SqlitePath is empty: give the SQLite file's path, or set ConnectionStrings:Pmf for PostgreSQL."] : [];
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(PostgresConnectionString);
            return [];
        }
        catch (ArgumentException ex)
        {
            return [$"ConnectionStrings:Pmf is not a PostgreSQL connection string ({ex.Message})."];
        }
    }

    /// <summary>Which database, in words fit for a log or a console: never the password.</summary>
    public string Describe()
    {
        if (!UsesPostgres)
        {
            return $"SQLite ({Path.GetFullPath(SqlitePath)})";
        }

        var settings = new NpgsqlConnectionStringBuilder(PostgresConnectionString);
        return $"PostgreSQL (database {settings.Database} on {settings.Host}:{settings.Port})";
    }
}
