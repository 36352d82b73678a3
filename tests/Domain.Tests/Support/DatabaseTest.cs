using Microsoft.Extensions.Time.Testing;
using PmfBot.Tests.Support;

namespace PmfBot.Domain.Tests.Support;

/// <summary>
/// Base of the tests that run against a real database. Each test gets a new, empty database;
/// every such test class has a SQLite and a PostgreSQL subclass.
/// </summary>
public abstract class DatabaseTest(TestDatabase database) : IAsyncLifetime
{
    /// <summary>Monday 6 October 2025, 10:00 BST: Q2 2025/26 returns are open, due Tuesday 14 October.</summary>
    public static readonly DateTimeOffset Monday6October = new(2025, 10, 6, 9, 0, 0, TimeSpan.Zero);

    protected TestDatabase Database { get; } = database;

    protected FakeTimeProvider Clock { get; } = new(Monday6October);

    protected TestCouncil Council { get; } = new();

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await Council.SaveAsync(Database, Clock.GetUtcNow());
    }

    public Task DisposeAsync() => Database.DisposeAsync();
}
