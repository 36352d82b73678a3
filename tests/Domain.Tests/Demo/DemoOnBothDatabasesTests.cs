using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PmfBot.Domain.Demo;
using PmfBot.Domain.Import;
using PmfBot.Tests.Support;

namespace PmfBot.Domain.Tests.Demo;

public sealed class DemoAndImportOnSqlite() : DemoAndImportOnBothDatabases(new SqliteTestDatabase());

public sealed class DemoAndImportOnPostgres() : DemoAndImportOnBothDatabases(new PostgresTestDatabase());

/// <summary>
/// The demo and the import against the real stores (PostgreSQL enforces column lengths and
/// compares text by case, which the in-memory SQLite tests do not show).
/// </summary>
public abstract class DemoAndImportOnBothDatabases(TestDatabase database) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DemoCouncilFixture.Monday24November);

    public Task InitializeAsync() => database.InitializeAsync();

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task The_demo_council_seeds_once()
    {
        await using (var db = database.NewContext())
        {
            Assert.True(await DemoCouncil.SeedAsync(db, _clock));
        }

        await using var again = database.NewContext();
        Assert.False(await DemoCouncil.SeedAsync(again, _clock));
        Assert.Equal(9, await again.Boards.CountAsync());
        Assert.Equal(76, await again.Indicators.CountAsync());
        Assert.True(await again.AuditLog.CountAsync() > 1000);
    }

    [Fact]
    public async Task The_sample_data_list_imports_and_re_imports_without_change()
    {
        var sample = Path.Combine(RepositoryRoot(), "samples", "single-data-list.csv");
        await using (var db = database.NewContext())
        {
            var first = await new SingleDataListImport(db, _clock).ImportFileAsync(sample);
            Assert.True(first.Succeeded, string.Join(Environment.NewLine, first.Problems));
        }

        await using var again = database.NewContext();
        var second = await new SingleDataListImport(again, _clock).ImportFileAsync(sample);

        Assert.Equal(new Tally(0, 0, 13), second.Counts!.Indicators);
        Assert.Equal(13, await again.Indicators.CountAsync());
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PmfBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root above " + AppContext.BaseDirectory);
    }
}
