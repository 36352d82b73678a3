using PmfBot.Bot.Tests.Status;
using PmfBot.Bot.Tests.Support;
using PmfBot.Domain.Demo;

namespace PmfBot.Bot.Tests.Scorecards;

public sealed class ScorecardCommandTests(SharedDemoBot shared) : SharedDemoBotTests(shared)
{
    [Fact]
    public async Task Scorecard_shows_a_directorates_priorities_indicators_and_self_assessment()
    {
        var card = Assert.Single(await Bot.SayAsync(DemoCouncil.People.ScrutinyMember, "scorecard adults and helth"));

        var text = ConversationBot.TextOf(card);
        Assert.Contains("Adults and Health", text);
        Assert.Contains("Martin Greaves", text);
        Assert.Contains("HW1", text);
        Assert.Contains("priorities ·", text);
        Assert.All(ReadCards.Actions(card), a => Assert.Contains(a["verb"]!.GetValue<string>(), ReadCards.ReadVerbs));
    }

    [Fact]
    public async Task Scorecard_show_from_a_button_and_its_next_page()
    {
        _ = Bot.Services;
        await using var db = Bot.NewContext();
        var id = db.Directorates.Single(d => d.Code == "AH").Id;
        var data = new System.Text.Json.Nodes.JsonObject { ["cardKind"] = "self-assessment-card", ["directorateId"] = id.ToString(), ["periodKey"] = "2025-26-Q2" };

        var card = ConversationBot.CardOf(await Bot.ClickAsync(DemoCouncil.People.Director, "scorecard.show", data));

        Assert.Contains("Adults and Health", ConversationBot.TextOf(card));
        var next = ReadCards.Actions(card).FirstOrDefault(a => a["verb"]!.GetValue<string>() == "card.page");
        if (next is not null)
        {
            var second = ConversationBot.CardOf(await Bot.ClickAsync(DemoCouncil.People.Director, "card.page", ReadCards.DataOf(next)));
            Assert.Contains("Page 2 of", ConversationBot.TextOf(second));
        }
    }
}
