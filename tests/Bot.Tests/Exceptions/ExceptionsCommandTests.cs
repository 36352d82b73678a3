using System.Text.Json.Nodes;
using PmfBot.Bot.Tests.Status;
using PmfBot.Bot.Tests.Support;
using PmfBot.Domain.Demo;

namespace PmfBot.Bot.Tests.Exceptions;

public sealed class ExceptionsCommandTests(SharedDemoBot shared) : SharedDemoBotTests(shared)
{
    [Fact]
    public async Task Exceptions_for_all_boards_include_worsening_and_better_than_target_beyond_tolerance()
    {
        var card = Assert.Single(await Bot.SayAsync(DemoCouncil.People.ScrutinyMember, "exceptions"));

        var text = ConversationBot.TextOf(card);
        Assert.Contains("all boards", text);
        Assert.Contains("indicators need attention", text);
        Assert.Contains("Red: worse than target beyond tolerance", text);
        Assert.All(ReadCards.Actions(card), a => Assert.Contains(a["verb"]!.GetValue<string>(), ReadCards.ReadVerbs));

        var all = await AllPagesAsync(card);
        Assert.Contains("Worse for two periods running", all);
        Assert.Contains("Better than target beyond tolerance: is the target too easy?", all);
        Assert.Contains("CPP-E1", all);
        Assert.Contains("NI 131", all);
    }

    [Fact]
    public async Task Exceptions_for_a_board_list_its_indicators_most_serious_first()
    {
        var card = Assert.Single(await Bot.SayAsync(DemoCouncil.People.ScrutinyMember, "exceptions housing and regeneration"));

        var text = ConversationBot.TextOf(card);
        Assert.Contains("Housing and Regeneration Board", text);
        Assert.Contains("NI 154", text);
        Assert.Contains("NI 156", text);
        Assert.Contains("against a target of", text);
        Assert.True(text.IndexOf("Red: worse than target beyond tolerance", StringComparison.Ordinal) < text.IndexOf("Worse for two periods running", StringComparison.Ordinal)
            || !text.Contains("Worse for two periods running", StringComparison.Ordinal));
        Assert.Contains(ReadCards.Actions(card), a => a["verb"]!.GetValue<string>() == "board.show");
    }

    [Fact]
    public async Task Exceptions_show_from_a_button_answers_page_one_and_card_page_returns_page_two()
    {
        var data = new JsonObject { ["cardKind"] = "help-card", ["boardId"] = "", ["periodKey"] = "2025-26-Q2" };

        var card = ConversationBot.CardOf(await Bot.ClickAsync(DemoCouncil.People.ScrutinyChair, "exceptions.show", data));
        var next = ReadCards.Action(card, "card.page", d => d["page"]!.GetValue<int>() == 2);
        var second = ConversationBot.CardOf(await Bot.ClickAsync(DemoCouncil.People.ScrutinyChair, "card.page", ReadCards.DataOf(next)));

        Assert.Contains("Page 1 of", ConversationBot.TextOf(card));
        Assert.Contains("Page 2 of", ConversationBot.TextOf(second));
        Assert.NotEqual(ConversationBot.TextOf(card), ConversationBot.TextOf(second));
    }

    [Fact]
    public async Task An_unknown_board_is_answered_with_a_hint()
    {
        var card = Assert.Single(await Bot.SayAsync(DemoCouncil.People.ScrutinyMember, "exceptions zzzz qqqq"));

        Assert.Contains("No board matches", ConversationBot.TextOf(card));
    }

    private async Task<string> AllPagesAsync(JsonObject card)
    {
        var texts = new List<string> { ConversationBot.TextOf(card) };
        for (var page = 2; page <= 20; page++)
        {
            var next = ReadCards.Actions(card).FirstOrDefault(a => a["verb"]!.GetValue<string>() == "card.page" && a["data"]!["page"]!.GetValue<int>() == page);
            if (next is null)
            {
                break;
            }

            card = ConversationBot.CardOf(await Bot.ClickAsync(DemoCouncil.People.ScrutinyMember, "card.page", ReadCards.DataOf(next)));
            texts.Add(ConversationBot.TextOf(card));
        }

        return string.Join(" | ", texts);
    }
}
