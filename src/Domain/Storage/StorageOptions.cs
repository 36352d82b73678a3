namespace PmfBot.Domain.Storage;

/// <summary>
/// Where PmfBot keeps its data: PostgreSQL when a connection string is given
/// (`ConnectionStrings:Pmf`), otherwise a SQLite file in the working directory.
/// </summary>
public sealed class StorageOptions
{
    public string? PostgresConnectionString { get; set; }

    public string SqlitePath { get; set; } = "pmfbot.db";

    public bool UsesPostgres => !string.IsNullOrWhiteSpace(PostgresConnectionString);

    public string Describe() => UsesPostgres ? "PostgreSQL" : $"SQLite ({Path.GetFullPath(SqlitePath)})";
}
