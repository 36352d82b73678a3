using Npgsql;

namespace PmfBot.Domain.Storage;

/// <summary>
/// Where PmfBot keeps its data: PostgreSQL when a connection string is given
/// (`ConnectionStrings:Pmf`), otherwise a SQLite file (the bot resolves a relative path).
/// </summary>
public sealed class StorageOptions
{
    public string? PostgresConnectionString { get; set; }

    public string SqlitePath { get; set; } = "pmfbot.db";

    public bool UsesPostgres => !string.IsNullOrWhiteSpace(PostgresConnectionString);

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
