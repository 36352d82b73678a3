using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PmfBot.Bot.Tests.Conversation.Support;
using PmfBot.Domain.Demo;
using PmfBot.Domain.Returns;

namespace PmfBot.Bot.Tests.Conversation.Returns;

public sealed class ReturnCardTests : IAsyncLifetime
{
    private readonly ConversationBot _bot = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task My_returns_shows_the_owners_due_returns_on_one_card()
    {
        var card = Assert.Single(await _bot.SayAsync(DemoCouncil.People.Owner, "my returns"));

        var text = ConversationBot.TextOf(card);
        Console.WriteLine(card.ToJsonString());
        Assert.Contains("CPP-H4", text);
        Assert.Contains("CPP-H6", text);
    }
}
