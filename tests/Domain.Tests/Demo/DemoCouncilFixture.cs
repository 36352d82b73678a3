using Microsoft.Extensions.Time.Testing;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Demo;
using PmfBot.Domain.Tests.Support;

namespace PmfBot.Domain.Tests.Demo;

/// <summary>The demo council seeded once, on Monday 24 November 2025, for all the demo tests to read.</summary>
public sealed class DemoCouncilFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Monday24November = new(2025, 11, 24, 9, 0, 0, TimeSpan.Zero);

    public static DateOnly Today => UkTime.DateOf(Monday24November);

    internal InMemoryDatabase Database { get; } = new();

    public FakeTimeProvider Clock { get; } = new(Monday24November);

    public bool Seeded { get; private set; }

    public async Task InitializeAsync()
    {
        await using var db = Database.NewContext();
        Seeded = await DemoCouncil.SeedAsync(db, Clock);
    }

    public Task DisposeAsync()
    {
        Database.Dispose();
        return Task.CompletedTask;
    }
}
