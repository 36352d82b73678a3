using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PmfBot.Bot.Summaries;
using PmfBot.Bot.Tests.Conversation.Status;
using PmfBot.Bot.Tests.Conversation.Support;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Demo;

namespace PmfBot.Bot.Tests.Conversation.Summaries;

public sealed class SummaryCardsTests : IAsyncLifetime
{
    private readonly ConversationBot _bot = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Board_show_lists_every_priority_with_its_rating_and_the_most_serious_exceptions()
    {
        var boardId = await ReadCards.BoardIdAsync(_bot, "Housing and Regeneration Board");
        var data = new JsonObject { ["cardKind"] = "status-card", ["boardId"] = boardId.ToString(), ["periodKey"] = "2025-26-Q2" };

        var card = ConversationBot.CardOf(await _bot.ClickAsync(DemoCouncil.People.ScrutinyMember, "board.show", data));

        var text = ConversationBot.TextOf(card);
        Assert.Contains("Housing and Regeneration Board", text);
        Assert.Contains("Cllr Bethan Rowlands", text);
        Assert.Contains("HR1", text);
        Assert.Contains("HR2", text);
        Assert.Contains("amended", text);
        Assert.Contains("NI 154", text);
        Assert.Contains("Board actions:", text);
        Assert.All(ReadCards.Actions(card), a => Assert.Contains(a["verb"]!.GetValue<string>(), ReadCards.ReadVerbs));
    }

    [Fact]
    public async Task The_scrutiny_summary_lists_every_board_with_its_ratings_and_top_exceptions()
    {
        var scrutinyId = await ReadCards.BoardIdAsync(_bot, "Scrutiny Board (Strategy and Resources)");
        using var scope = _bot.Services.CreateScope();

        var card = await scope.ServiceProvider.GetRequiredService<SummaryCards>().ScrutinySummaryAsync(scrutinyId, Period.Quarter(2025, 2), CancellationToken.None);

        var text = ConversationBot.TextOf(card);
        Assert.Contains("Scrutiny Board (Strategy and Resources)", text);
        Assert.Contains("6 boards", text);
        Assert.Contains("Health and Wellbeing Board", text);
        Assert.Contains("Best Council Board", text);
        Assert.Contains("Most serious", text);
        Assert.All(ReadCards.Actions(card), a => Assert.Contains(a["verb"]!.GetValue<string>(), ReadCards.ReadVerbs));
    }
}
