using System.Net;
using PmfBot.Bot.Import;
using PmfBot.Bot.Tests.Publication.Support;
using PmfBot.Domain.Calendar;
using PmfBot.Tests.Support;

namespace PmfBot.Bot.Tests.Publication;

/// <summary>
/// A council that imported its own data (samples/rivermouth: the single data list and its past values,
/// as the README's import commands do) with the demo off: its quarter is public only once its own
/// performance team, whom the bot has never seen in Teams, releases it.
/// </summary>
public sealed class ImportedCouncilReleaseTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private PublishedSite _site = null!;

    public async Task InitializeAsync()
    {
        foreach (var file in new[] { "data-list.csv", "values.csv" })
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var exit = await ImportCommand.TryRunAsync(
                ["import", Rivermouth(file), "--by", "sophie.hart@rivermouth-council.example", $"--Storage:SqlitePath={_database.Options.SqlitePath}"], output, error);
            Assert.True(exit == 0, $"import of {file}: {error}");
        }

        _site = new PublishedSite(enabled: true, _database, new() { ["Demo:Seed"] = "false", ["Publication:CouncilName"] = "Rivermouth Council" }, releaseAll: false);
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task Its_imported_quarter_is_not_public_until_its_performance_team_releases_it()
    {
        const string quarter = "/published/2025-26-Q2";
        var (before, beforePage) = await _site.PageAsync(quarter);

        var outcome = await _site.ReleaseAsync(Period.Quarter(2025, 2));
        var (after, afterPage) = await _site.PageAsync(quarter);

        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Contains("Quarter 2 2025/26 has not been released yet.", beforePage.Body!.TextContent);
        Assert.True(outcome.Changed);
        Assert.Contains(outcome.ByName, new[] { "Sophie Hart", "Ben Adeyemi" });
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        var board = afterPage.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")!)
            .First(l => l.Contains("/boards/rivermouth-health-and-care-partnership", StringComparison.Ordinal) && !l.EndsWith(".csv", StringComparison.Ordinal));
        var (boardResponse, boardPage) = await _site.PageAsync(board);
        Assert.Equal(HttpStatusCode.OK, boardResponse.StatusCode);
        Assert.Contains("RCP-1", boardPage.Body!.TextContent);
        Assert.Contains("RM-ASC1", boardPage.Body.TextContent);
        Assert.Equal("Rivermouth Council", boardPage.QuerySelector(".council")!.TextContent);
    }

    private static string Rivermouth(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var file = Path.Combine(dir.FullName, "samples", "rivermouth", name);
            if (File.Exists(file))
            {
                return file;
            }
        }

        throw new FileNotFoundException($"samples/rivermouth/{name} not found above {AppContext.BaseDirectory}");
    }
}
