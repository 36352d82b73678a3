using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PmfBot.Bot.Tests.Support;
using PmfBot.Domain.Demo;

namespace PmfBot.Bot.Tests.Status;

public sealed class TrendCommandTests(SharedDemoBot shared) : SharedDemoBotTests(shared)
{
    [Fact]
    public async Task Trend_shows_values_and_ratings_per_period_and_every_change_from_the_audit_log()
    {
        var card = Assert.Single(await Bot.SayAsync(DemoCouncil.People.ScrutinyMember, "trend ni 154"));

        var text = ConversationBot.TextOf(card);
        Assert.Contains("Net additional homes provided", text);
        Assert.Contains("Oliver Nwosu", text);
        Assert.Contains("Q2 2025/26", text);
        Assert.Contains("Q1 2025/26", text);
        Assert.Contains("homes", text);
        Assert.Contains("Higher is better", text);
        Assert.Contains("12 changes, newest first", text);
        Assert.Contains("9 Oct 2025 12:45", text);
        Assert.Contains("Q2 2025/26 return submitted: state open → submitted; value none → 1,218 homes; RAG no data → red", text);
        Assert.Contains("Q1 2025/26 return opened", text);
        Assert.DoesNotMatch(ReadCards.ModelNames, text);
    }

    [Fact]
    public async Task Trend_draws_the_values_against_their_targets_from_the_returns_with_the_same_figures_in_words()
    {
        var card = Assert.Single(await Bot.SayAsync(DemoCouncil.People.ScrutinyMember, "trend ni 154"));
        List<PmfBot.Domain.Returns.IndicatorReturn> answered;
        await using (var db = Bot.NewContext())
        {
            var id = await ReadCards.IndicatorIdAsync(Bot, "NI 154");
            answered = (await db.Returns.Where(r => r.IndicatorId == id).ToListAsync())
                .Where(r => r.HasAnswer && r.Value is not null && r.Period.CompareTo(PmfBot.Domain.Calendar.Period.Quarter(2025, 2)) <= 0)
                .OrderBy(r => r.Period).TakeLast(8).ToList();
        }

        var chart = Assert.Single(ReadCards.Charts(card));

        Assert.Equal("Chart.Line", chart["type"]!.GetValue<string>());
        Assert.NotEmpty(answered);
        Assert.Equal(answered.Select(r => (r.Period.End.ToString("yyyy-MM-dd"), r.Value!.Value)), ReadCards.Series(chart, "Value"));
        var fallback = ReadCards.FallbackText(chart);
        Assert.All(answered, r => Assert.Contains($"{r.Period.Label}: {r.Value!.Value:#,0.##} homes", fallback, StringComparison.Ordinal));
        Assert.Equal("TextBlock", chart["fallback"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Older_changes_of_a_monthly_indicator_are_on_page_two()
    {
        var card = Assert.Single(await Bot.SayAsync(DemoCouncil.People.ScrutinyMember, "trend NI 131"));
        var next = ReadCards.Action(card, "card.page", d => d["page"]!.GetValue<int>() == 2);

        var second = ConversationBot.CardOf(await Bot.ClickAsync(DemoCouncil.People.ScrutinyMember, "card.page", ReadCards.DataOf(next)));

        var text = ConversationBot.TextOf(second);
        Assert.Contains("changes, newest first: page 1 of", ConversationBot.TextOf(card));
        Assert.Contains("changes, newest first: page 2 of", text);
        Assert.Contains("Delayed transfers of care", text);
        Assert.NotEqual(ConversationBot.TextOf(card), text);
    }

    [Fact]
    public async Task Trend_of_an_unknown_indicator_says_so()
    {
        var card = Assert.Single(await Bot.SayAsync(DemoCouncil.People.Owner, "trend qwertyuiop"));

        Assert.Contains("No indicator matches \"qwertyuiop\"", ConversationBot.TextOf(card));
    }

    [Fact]
    public async Task A_page_of_a_card_that_does_not_page_is_refused_with_a_message()
    {
        var card = ConversationBot.CardOf(await Bot.ClickAsync(DemoCouncil.People.Owner, "card.page", new JsonObject { ["cardKind"] = "nonsense-card", ["page"] = 2 }));

        Assert.Contains("cannot be paged", ConversationBot.TextOf(card));
    }
}
