using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PmfBot.Bot.Import;
using PmfBot.Bot.Status;
using PmfBot.Bot.Summaries;
using PmfBot.Bot.Tests.Conversation.Status;
using PmfBot.Bot.Tests.Conversation.Support;
using PmfBot.Domain.Calendar;
using PmfBot.Tests.Support;

namespace PmfBot.Bot.Tests.Conversation.Charts;

/// <summary>
/// The charts on the status, history and summary cards for a council that imported its own data
/// (samples/rivermouth: its single data list and two years of past values), with the demo off:
/// every point is a value or target from the database, and each chart's fallback says the same.
/// </summary>
public sealed class ImportedCouncilChartsTests : IAsyncLifetime
{
    private static readonly Period Q2 = Period.Quarter(2025, 2);
    private readonly SqliteTestDatabase _database = new();
    private ConversationBot _bot = null!;

    public async Task InitializeAsync()
    {
        foreach (var file in new[] { "data-list.csv", "values.csv", "actions.csv", "risks.csv" })
        {
            var exit = await ImportCommand.TryRunAsync(
                ["import", Rivermouth(file), "--by", "sophie.hart@rivermouth-council.example", $"--Storage:SqlitePath={_database.Options.SqlitePath}"],
                new StringWriter(), new StringWriter());
            Assert.Equal(0, exit);
        }

        _bot = new ConversationBot(_database, seedDemo: false);
        _ = _bot.Services;
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task The_history_lists_only_the_periods_since_the_indicator_began_and_draws_them_against_their_targets()
    {
        var card = await HistoryAsync("RM-ASC1");

        var text = ConversationBot.TextOf(card);
        var chart = Assert.Single(ReadCards.Charts(card));
        Assert.Equal("Chart.Line", chart["type"]!.GetValue<string>());
        // Its first return and its first target are both for 2024/25: nothing from 2023/24 is listed.
        Assert.DoesNotContain("2023/24", text);
        Assert.DoesNotContain("no target this period", text);
        Assert.Equal(6, Regex.Count(text, @"Q\d 20\d\d/\d\d:\s*\|")); // the period lines, not the chart's words
        Assert.Equal(
            [("2024-06-30", 81.2m), ("2024-09-30", 82.6m), ("2024-12-31", 80.9m), ("2025-03-31", 83.1m), ("2025-06-30", 83.8m), ("2025-09-30", 84.5m)],
            ReadCards.Series(chart, "Value"));
        Assert.Equal([82m, 82m, 82m, 82m, 84m, 84m], ReadCards.Series(chart, "Target").Select(p => p.Y));
        Assert.Equal(
            "Q1 2024/25: 81.2% (target 82%); Q2 2024/25: 82.6% (target 82%); Q3 2024/25: 80.9% (target 82%); "
            + "Q4 2024/25: 83.1% (target 82%); Q1 2025/26: 83.8% (target 84%); Q2 2025/26: 84.5% (target 84%).",
            ReadCards.FallbackText(chart));
        Assert.Equal("Percentage", chart["yAxisTitle"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_new_indicator_began_with_its_first_target_and_one_with_neither_has_no_periods_and_no_chart()
    {
        await using (var db = _bot.NewContext())
        {
            var owner = await db.People.FirstAsync(p => p.Email == "alice.moran@rivermouth-council.example");
            var withTarget = new Domain.Indicators.Indicator(Guid.NewGuid(), "RM-NEW1", "Streets with a tree planted this year", "%", Domain.Indicators.Polarity.HigherIsBetter, Domain.Indicators.Frequency.Quarterly, owner.Id);
            withTarget.SetTarget(Period.FinancialYear(2025), 50);
            db.Indicators.Add(withTarget);
            db.Indicators.Add(new Domain.Indicators.Indicator(Guid.NewGuid(), "RM-NEW2", "Parks with a friends group", "%", Domain.Indicators.Polarity.HigherIsBetter, Domain.Indicators.Frequency.Quarterly, owner.Id));
            await db.SaveChangesAsync();
        }

        var targeted = await HistoryAsync("RM-NEW1");
        var empty = await HistoryAsync("RM-NEW2");

        var text = ConversationBot.TextOf(targeted);
        Assert.Equal(2, Regex.Count(text, @"Q\d 20\d\d/\d\d:\s*\|"));
        Assert.Contains("Q1 2025/26", text);
        Assert.DoesNotContain("Q4 2024/25", text);
        var chart = Assert.Single(ReadCards.Charts(targeted));
        Assert.Empty(ReadCards.Series(chart, "Value"));
        Assert.Equal([("2025-06-30", 50m), ("2025-09-30", 50m)], ReadCards.Series(chart, "Target"));
        Assert.Equal("Q1 2025/26: no value (target 50%); Q2 2025/26: no value (target 50%).", ReadCards.FallbackText(chart));
        Assert.Empty(ReadCards.Charts(empty));
        Assert.Contains("No returns or targets yet.", ConversationBot.TextOf(empty));
        Assert.DoesNotMatch(@"Q\d 20\d\d/\d\d:", ConversationBot.TextOf(empty));
    }

    [Fact]
    public async Task The_history_writes_the_audit_trail_in_words()
    {
        await using (var db = _bot.NewContext())
        {
            // The lead signs off an imported return: its audit line must read in words.
            var lead = await db.People.SingleAsync(p => p.Email == "tom.ashby@rivermouth-council.example");
            var indicator = await db.Indicators.SingleAsync(i => i.Code == "RM-ASC1");
            var directorate = await db.Directorates.SingleAsync(d => d.Id == indicator.DirectorateId);
            var ret = await db.Returns.Include(r => r.Indicator).SingleAsync(r => r.IndicatorId == indicator.Id && r.Period == Q2);
            ret.SignOff(lead, directorate, _bot.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        var text = ConversationBot.TextOf(await HistoryAsync("RM-ASC1"));

        Assert.Contains("Q2 2025/26 return signed off: state submitted → signed off", text);
        Assert.Contains("Q2 2025/26 return imported", text);
        Assert.DoesNotMatch(ReadCards.ModelNames, text);
    }

    [Fact]
    public async Task The_status_card_draws_each_indicator_against_its_targets_from_the_database()
    {
        using var scope = _bot.Services.CreateScope();
        var priorityId = await IdAsync(db => db.Priorities.Where(p => p.Code == "RCP-1").Select(p => p.Id));

        var card = await scope.ServiceProvider.GetRequiredService<StatusCard>().BuildAsync(priorityId, Q2, 1, CancellationToken.None);

        var charts = ReadCards.Charts(card).ToList();
        Assert.Equal(2, charts.Count); // RM-ASC1 and RM-ASC2
        Assert.All(charts, c => Assert.Equal("Chart.Line", c["type"]!.GetValue<string>()));
        var places = charts.Single(c => ReadCards.Series(c, "Value").Any(p => p.Y == 84.5m));
        Assert.Equal([81.2m, 82.6m, 80.9m, 83.1m, 83.8m, 84.5m], ReadCards.Series(places, "Value").Select(p => p.Y));
        Assert.Equal([82m, 82m, 82m, 82m, 84m, 84m], ReadCards.Series(places, "Target").Select(p => p.Y));
        Assert.StartsWith("Q1 2024/25: 81.2% (target 82%);", ReadCards.FallbackText(places), StringComparison.Ordinal);
        var homes = charts.Single(c => c != places);
        Assert.Equal([41m, 39m, 44m, 37m, 36m], ReadCards.Series(homes, "Value").Take(5).Select(p => p.Y));
        Assert.Contains("Q1 2024/25: 41 people (target 40 people)", ReadCards.FallbackText(homes), StringComparison.Ordinal);
        Assert.DoesNotMatch("[▁▂▃▄▅▆▇█]", ConversationBot.TextOf(card)); // no text sparkline any more
    }

    [Fact]
    public async Task The_board_summary_draws_its_indicators_rag_mix_in_the_councils_colours_with_the_counts_in_words()
    {
        using var scope = _bot.Services.CreateScope();
        var boardId = await IdAsync(db => db.Boards.Where(b => b.Name == "Rivermouth Place Board").Select(b => b.Id));

        var card = await scope.ServiceProvider.GetRequiredService<SummaryCards>().BoardSummaryAsync(boardId, Q2, CancellationToken.None);

        var chart = Assert.Single(ReadCards.Charts(card));
        Assert.Equal("Chart.Donut", chart["type"]!.GetValue<string>());
        var slices = chart["data"]!.AsArray().Select(s => (Legend: s!["legend"]!.GetValue<string>(), Value: (int)ReadCards.Number(s["value"]), Color: s["color"]!.GetValue<string>())).ToList();
        var colours = new Dictionary<string, string> { ["Green"] = "good", ["Amber"] = "warning", ["Red"] = "attention", ["No data"] = "neutral", ["No target"] = "divergingGray" };
        Assert.All(slices, s => Assert.Equal(colours[s.Legend], s.Color));
        Assert.All(slices, s => Assert.True(s.Value > 0));
        int indicators;
        await using (var db = _bot.NewContext())
        {
            var priorityIds = await db.Priorities.Where(p => p.BoardId == boardId).Select(p => p.Id).ToListAsync();
            indicators = await db.Indicators.CountAsync(i => i.Priorities.Any(p => priorityIds.Contains(p.PriorityId)));
        }

        Assert.Equal(indicators, slices.Sum(s => s.Value));
        var fallback = ReadCards.FallbackText(chart);
        Assert.StartsWith($"{indicators} indicators: ", fallback, StringComparison.Ordinal);
        Assert.All(slices, s => Assert.Contains($"{s.Value} {s.Legend.ToLowerInvariant()}", fallback, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_scrutiny_summary_draws_each_boards_priorities_by_rating_with_the_same_line_in_words()
    {
        using var scope = _bot.Services.CreateScope();

        var card = await scope.ServiceProvider.GetRequiredService<SummaryCards>().ScrutinySummaryAsync(null, Q2, CancellationToken.None);

        var chart = Assert.Single(ReadCards.Charts(card));
        Assert.Equal("Chart.HorizontalBar.Stacked", chart["type"]!.GetValue<string>());
        var bars = chart["data"]!.AsArray().Select(b => b!.AsObject()).ToList();
        Assert.Equal(["Rivermouth Health and Care Partnership", "Rivermouth Place Board"], bars.Select(b => b["title"]!.GetValue<string>()).Order());
        await using var db = _bot.NewContext();
        foreach (var bar in bars)
        {
            var name = bar["title"]!.GetValue<string>();
            var priorities = await db.Priorities.CountAsync(p => db.Boards.Any(b => b.Id == p.BoardId && b.Name == name));
            // No board has decided Q2 in the imported data: every priority is "Not yet rated".
            var slice = Assert.Single(bar["data"]!.AsArray());
            Assert.Equal(("Not yet rated", priorities, "neutral"), (slice!["legend"]!.GetValue<string>(), (int)ReadCards.Number(slice["value"]), slice["color"]!.GetValue<string>()));
            Assert.Contains($"{name}: 0 green, 0 amber, 0 red, {priorities} not yet rated", ReadCards.FallbackText(chart), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Every_card_with_a_chart_as_rendered_for_the_council_passes_microsofts_renderer_with_its_fallbacks()
    {
        using var scope = _bot.Services.CreateScope();
        var services = scope.ServiceProvider;
        await using var db = _bot.NewContext();
        var cards = new List<(string, string, JsonObject)> { ("scrutiny", "scrutiny-summary-card", await services.GetRequiredService<SummaryCards>().ScrutinySummaryAsync(null, Q2, CancellationToken.None)) };
        foreach (var board in await db.Boards.ToListAsync())
        {
            cards.Add(($"board {board.Name}", "board-summary-card", await services.GetRequiredService<SummaryCards>().BoardSummaryAsync(board.Id, Q2, CancellationToken.None)));
        }

        foreach (var priority in await db.Priorities.ToListAsync())
        {
            cards.Add(($"status {priority.Code}", "status-card", await services.GetRequiredService<StatusCard>().BuildAsync(priority.Id, Q2, 1, CancellationToken.None)));
        }

        foreach (var indicator in await db.Indicators.ToListAsync())
        {
            cards.Add(($"history {indicator.Code}", "history-card", await HistoryAsync(indicator.Code)));
        }

        var judged = RenderedCardJudge.Judge(cards);

        Assert.Equal(cards.Count, judged.Count);
        Assert.All(judged, j => Assert.True(j.Value.Count == 0, $"{j.Key}:\n  {string.Join("\n  ", j.Value)}"));
        Assert.True(cards.Sum(c => ReadCards.Charts(c.Item3).Count()) >= cards.Count, "every card drew at least one chart");
    }

    private async Task<JsonObject> HistoryAsync(string code)
    {
        using var scope = _bot.Services.CreateScope();
        var indicatorId = await IdAsync(db => db.Indicators.Where(i => i.Code == code).Select(i => i.Id));
        return await scope.ServiceProvider.GetRequiredService<HistoryCard>().BuildAsync(indicatorId, Q2, 1, CancellationToken.None);
    }

    private async Task<T> IdAsync<T>(Func<Domain.Storage.PmfDbContext, IQueryable<T>> query)
    {
        await using var db = _bot.NewContext();
        return await query(db).SingleAsync();
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

        throw new InvalidOperationException("Cannot find samples/rivermouth above " + AppContext.BaseDirectory);
    }
}
