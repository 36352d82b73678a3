using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Storage;
using PmfBot.Domain.Storage.Migrations;

namespace PmfBot.Domain.Tests.Support;

/// <summary>A PmfBot schema in an in-memory SQLite database that lives as long as this object.</summary>
internal sealed class InMemoryDatabase : IDisposable
{
    private readonly SqliteConnection _connection = new("DataSource=:memory:");

    public InMemoryDatabase()
    {
        _connection.Open();
        using var db = NewContext();
        db.Database.Migrate();
    }

    /// <summary>A fresh context each time, so reads come from the database, not the change tracker.</summary>
    public PmfDbContext NewContext() => new SqlitePmfDbContext(new DbContextOptionsBuilder<SqlitePmfDbContext>().UseSqlite(_connection).Options);

    public void Dispose() => _connection.Dispose();
}
