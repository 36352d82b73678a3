using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace PmfBot.Tests.Support;

/// <summary>
/// The databases the release of 2 December 2026 (schema version 3, before migrations) made, kept in
/// tests/Fixtures/SchemaV3 with the script that made them, and a way to read what they hold without
/// PmfBot's model (so a test of an upgrade compares rows, not what today's model makes of them).
/// </summary>
public static class SchemaV3Fixtures
{
    /// <summary>The tables whose every row an upgrade must keep, in the order a person would check them.</summary>
    public static readonly IReadOnlyList<string> CouncilTables =
        ["people", "boards", "priorities", "indicators", "returns", "priority_ratings", "board_actions", "risks", "self_assessments", "audit_log"];

    public static string Folder { get; } = FindFolder();

    public static string SqliteFile => Path.Combine(Folder, "pmfbot-v3.db");

    public static string PostgresDump => Path.Combine(Folder, "pmfbot-v3.postgres.sql");

    /// <summary>A copy of the SQLite fixture at <paramref name="path"/> (the fixture itself is never changed).</summary>
    public static void CopySqliteTo(string path) => File.Copy(SqliteFile, path, overwrite: true);

    /// <summary>Restores the PostgreSQL fixture into an empty test database, as psql would.</summary>
    public static async Task RestorePostgresAsync(PostgresTestDatabase database) =>
        await database.RunScriptAsync(await File.ReadAllTextAsync(PostgresDump));

    /// <summary>
    /// Every row of <paramref name="table"/>, ordered by its key, each as one line of text; only the
    /// <paramref name="columns"/> named (a later migration may add columns), or all of them.
    /// </summary>
    public static async Task<TableRows> RowsAsync(TestDatabase database, string table, IReadOnlyList<string>? columns = null)
    {
        await using DbConnection connection = database.Options.UsesPostgres
            ? new NpgsqlConnection(database.Options.PostgresConnectionString)
            : new SqliteConnection($"Data Source={database.Options.SqlitePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        var select = columns is null ? "*" : string.Join(", ", columns.Select(c => $"\"{c}\""));
        command.CommandText = $"SELECT {select} FROM \"{table}\" ORDER BY \"Id\"";
        await using var reader = await command.ExecuteReaderAsync();
        var names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            var row = new StringBuilder();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row.Append(names[i]).Append('=').Append(reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append(';');
            }

            rows.Add(row.ToString());
        }

        return new TableRows(names, rows);
    }

    private static string FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var folder = Path.Combine(dir.FullName, "tests", "Fixtures", "SchemaV3");
            if (Directory.Exists(folder))
            {
                return folder;
            }
        }

        throw new InvalidOperationException("Cannot find tests/Fixtures/SchemaV3 above " + AppContext.BaseDirectory);
    }
}

/// <summary>A table's rows as text, and the columns they were read from.</summary>
public sealed record TableRows(IReadOnlyList<string> Columns, IReadOnlyList<string> Rows)
{
    public int Count => Rows.Count;
}
