using Microsoft.Data.Sqlite;

namespace PmfBot.Bot.Tests.Support;

/// <summary>
/// A SQLite file in the temp folder for a command-line test (import, migrate) to point the bot at; deleted
/// with its -wal and -shm files once the pools let go of it.
/// </summary>
public sealed class TemporarySqliteFile(string prefix) : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
