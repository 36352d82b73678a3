using Microsoft.Data.Sqlite;
using PmfBot.Domain.Storage;

namespace PmfBot.Tests.Support;

public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"pmf-test-{Guid.NewGuid():N}.db");

    public override StorageOptions Options => new() { SqlitePath = _path };

    public override string Name => "SQLite";

    public override Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }

        return Task.CompletedTask;
    }
}
