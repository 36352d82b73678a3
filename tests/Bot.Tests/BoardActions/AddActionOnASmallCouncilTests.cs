using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PmfBot.Bot.Tests.Support;
using PmfBot.Domain.Demo;
using PmfBot.Domain.People;
using PmfBot.Tests.Support;

namespace PmfBot.Bot.Tests.BoardActions;

/// <summary>
/// The same on a council that is not the demo (<see cref="TestCouncil"/>: one board, one priority,
/// two indicators; the demo is not seeded into a database that has a board).
/// </summary>
public sealed class AddActionOnASmallCouncilTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private readonly TestCouncil _council = new();
    private ConversationBot _bot = null!;

    public async Task InitializeAsync()
    {
        foreach (var person in _council.People)
        {
            person.LinkEntraObjectId(Guid.NewGuid().ToString());
        }

        await _database.InitializeAsync();
        await _council.SaveAsync(_database, ConversationBot.DemoDay, Domain.Calendar.Period.Quarter(2025, 2));
        _bot = new ConversationBot(_database);
        _ = _bot.Server;
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task The_chair_adds_an_action_for_a_board_person_and_the_owner_finds_it_in_my_actions_while_others_are_refused()
    {
        var refused = await AddAsync(_council.ScrutinyMember, "Visit the three schools with the lowest attendance");
        Assert.Contains("Nothing was added: Only Children's Trust Board's chair or the performance team can add its actions.", ConversationBot.TextOf(refused));

        var added = await AddAsync(_council.Chair, "Visit the three schools with the lowest attendance");

        Assert.Contains("Added \"Visit the three schools with the lowest attendance\" for Olivia Owner, due 27 February 2026.", ConversationBot.TextOf(added));
        await using (var db = _bot.NewContext())
        {
            Assert.False(await db.Boards.AnyAsync(b => b.Name == "Health and Wellbeing Board"));
            Assert.Equal(1, await db.BoardActions.CountAsync());
        }

        var mine = Assert.Single(await _bot.SayAsync(As(_council.Owner), "my actions"));
        var text = ConversationBot.TextOf(mine);
        Assert.Contains("Visit the three schools with the lowest attendance", text);
        Assert.Contains("The one open board action you own.", text);
        Assert.Contains("Children's Trust Board · CPP-C1 Improve school attendance", text);
    }

    private async Task<JsonObject> AddAsync(Person person, string title) =>
        ConversationBot.CardOf(await _bot.ClickAsync(As(person), "action.add", new JsonObject
        {
            ["cardKind"] = "board-summary-card",
            ["boardId"] = _council.Board.Id.ToString(),
            ["periodKey"] = "2025-26-Q2",
            ["actionTitle"] = title,
            ["actionOwnerId"] = _council.Owner.Id.ToString(),
            ["actionOwnerEmail"] = "",
            ["actionDueDate"] = "2026-02-27",
            ["actionPriorityId"] = _council.Priority.Id.ToString(),
        }));

    private static DemoPerson As(Person person) => new(person.Name, person.Email, person.EntraObjectId!, "");
}
