using PmfBot.Tests.Support;

namespace PmfBot.Bot.Tests.Publication.Support;

/// <summary>One published site (demo council, publication on) shared by the tests of a class.</summary>
public abstract class SiteFixture(TestDatabase database) : IAsyncLifetime
{
    public PublishedSite Site { get; } = new(enabled: true, database);

    public async Task InitializeAsync()
    {
        if (database is PostgresTestDatabase)
        {
            await database.InitializeAsync();
        }

        _ = Site.Services;
    }

    public async Task DisposeAsync() => await Site.DisposeAsync();
}

public sealed class SqliteSiteFixture() : SiteFixture(new SqliteTestDatabase());

public sealed class PostgresSiteFixture() : SiteFixture(new PostgresTestDatabase());
