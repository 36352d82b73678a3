using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PmfBot.Bot.Tests.Support;
using PmfBot.Domain.BoardActions;
using PmfBot.Domain.Demo;
using PmfBot.Domain.Outbox;
using PmfBot.Scheduler.Jobs;

namespace PmfBot.Bot.Tests.BoardActions;

/// <summary>
/// Actions added where the board agrees them, from the board summary, on the demo council: the
/// Health and Wellbeing Board's chair (or the performance team) adds one, its owner is told, and
/// "my actions" lists a person's open actions.
/// </summary>
public sealed class AddActionTests(SharedDemoBot shared) : SharedDemoBotTests(shared)
{
    private static readonly DemoPerson Chair = DemoCouncil.People.Chair;
    private static readonly DemoPerson Owner = DemoCouncil.People.Owner;
    private Guid _boardId;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = Bot.NewContext();
        _boardId = await db.Boards.Where(b => b.ChairId == Chair.Id).Select(b => b.Id).SingleAsync();
    }

    [Fact]
    public async Task The_chair_adds_an_action_from_the_board_summary_and_its_owner_is_told()
    {
        await Bot.SayAsync(Owner, "hello");

        var card = await AddAsync(Chair, "Report on the falls prevention pilot", Owner.Id.ToString(), "", "2026-01-30");

        Assert.Contains("Added \"Report on the falls prevention pilot\" for Kate Hughes, due 30 January 2026.", ConversationBot.TextOf(card));
        var action = await ActionAsync("Report on the falls prevention pilot");
        Assert.Equal((Owner.Id, new DateOnly(2026, 1, 30), _boardId), (action.OwnerId, action.DueDate, action.BoardId));
        await using (var db = Bot.NewContext())
        {
            Assert.Equal(Chair.Name, (await db.AuditLog.SingleAsync(a => a.EntityId == action.Id)).ActorName);
        }

        var before = Bot.Connector.LogEntries.Count();
        await using (var scope = Bot.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DeliverOutboxJob>().RunAsync(CancellationToken.None);
        }

        await Bot.ConnectorSettledAsync();
        var post = Assert.Single(Bot.Connector.LogEntries.Skip(before), e => e.RequestMessage.Method == "POST" && Uri.UnescapeDataString(e.RequestMessage.Path).Contains(Owner.Email, StringComparison.Ordinal));
        var told = ConversationBot.TextOf(JsonNode.Parse(post.RequestMessage.Body!)!);
        Assert.Contains("Report on the falls prevention pilot", told);
        Assert.Contains("Health and Wellbeing Board agreed this action and named you its owner (added by Cllr Rosa Whitfield)", told);
        await using var read = Bot.NewContext();
        Assert.Equal(OutboxState.Sent, (await read.Outbox.SingleAsync(m => m.Key == $"{AddBoardAction.OutboxKind}:{action.Id:N}")).State);
    }

    [Fact]
    public async Task A_performance_team_member_adds_one_for_an_owner_typed_by_email()
    {
        var card = await AddAsync(DemoCouncil.People.PerformanceOfficer, "Check the carers' assessment figures", "", DemoCouncil.People.Collator.Email, "2026-02-27");

        Assert.Contains("Added \"Check the carers' assessment figures\" for Jo Bell", ConversationBot.TextOf(card));
        Assert.Equal(DemoCouncil.People.Collator.Id, (await ActionAsync("Check the carers' assessment figures")).OwnerId);
    }

    [Fact]
    public async Task Anyone_else_is_refused_on_the_card_and_nothing_is_added()
    {
        var card = await AddAsync(DemoCouncil.People.ScrutinyMember, "Review the reablement service", Owner.Id.ToString(), "", "2026-01-30");

        Assert.Contains("Nothing was added: Only Health and Wellbeing Board's chair or the performance team can add its actions.", ConversationBot.TextOf(card));
        await using var db = Bot.NewContext();
        Assert.False(await db.BoardActions.AnyAsync(a => a.Title == "Review the reablement service"));
    }

    [Fact]
    public async Task Bad_input_is_answered_on_the_card_beside_the_fields_with_what_was_typed()
    {
        await using (var db = Bot.NewContext())
        {
            Assert.DoesNotContain(await db.People.Select(p => p.Email).ToListAsync(), e => e == "someone@elsewhere.example");
        }

        var card = await AddAsync(Chair, "", "", "someone@elsewhere.example", "2025-11-01");

        var text = ConversationBot.TextOf(card);
        Assert.Contains("Nothing was added:", text);
        Assert.Contains("Say what is to be done.", text);
        Assert.Contains("PmfBot does not know anyone with the email someone@elsewhere.example", text);
        Assert.Contains("That date has passed: choose today or a later date.", text);
        Assert.Contains("someone@elsewhere.example", FindInput(card, "actionOwnerEmail")["value"]!.GetValue<string>());
        Assert.Equal("2025-11-01", FindInput(card, "actionDueDate")["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_summary_offers_the_boards_people_as_owners_and_shows_the_form_only_to_who_may_add()
    {
        var forChair = await SummaryAsync(Chair);
        var forScrutiny = await SummaryAsync(DemoCouncil.People.ScrutinyMember);

        var choices = FindInput(forChair, "actionOwnerId")["choices"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()).ToList();
        Assert.Contains(Chair.Name, choices);
        Assert.Contains(DemoCouncil.People.LeadOfficer.Name, choices);
        Assert.Contains(Owner.Name, choices);
        Assert.DoesNotContain("Add an action", ConversationBot.TextOf(forScrutiny));
        Assert.Contains("Risk and performance", ConversationBot.TextOf(forChair));
    }

    [Fact]
    public async Task My_actions_pages_through_a_persons_open_actions_on_the_progress_card()
    {
        await AddAsync(Chair, "Report on the falls prevention pilot", Owner.Id.ToString(), "", "2026-01-30");
        await AddAsync(Chair, "Bring the leisure centre survey to the board", Owner.Id.ToString(), "", "2026-03-31");
        int open;
        await using (var db = Bot.NewContext())
        {
            open = await OpenActions.Of(db, Owner.Id).CountAsync();
        }

        var first = Assert.Single(await Bot.SayAsync(Owner, "my actions"));

        Assert.True(open >= 2);
        Assert.Contains($"Open board action 1 of the {open} you own, soonest due first.", ConversationBot.TextOf(first));
        Assert.Contains("Next action", ConversationBot.TextOf(first));
        var pages = new List<string> { ConversationBot.TextOf(first) };
        for (var page = 2; page <= open; page++)
        {
            pages.Add(ConversationBot.TextOf(ConversationBot.CardOf(await Bot.ClickAsync(Owner, "card.page", new JsonObject
            {
                ["cardKind"] = "action-progress-card",
                ["periodKey"] = "2025-26-Q2",
                ["page"] = page,
            }))));
        }

        Assert.Contains($"Open board action {open} of the {open} you own", pages[^1]);
        Assert.DoesNotContain("Next action", pages[^1]);
        Assert.Single(pages, p => p.Contains("Report on the falls prevention pilot", StringComparison.Ordinal));
        Assert.Single(pages, p => p.Contains("Bring the leisure centre survey to the board", StringComparison.Ordinal));
    }

    [Fact]
    public async Task My_actions_says_so_when_there_are_none()
    {
        var card = Assert.Single(await Bot.SayAsync(DemoCouncil.People.ScrutinyMember, "my actions"));

        Assert.Contains("You own no board action that is still open.", ConversationBot.TextOf(card));
    }

    private async Task<JsonObject> SummaryAsync(DemoPerson person) =>
        ConversationBot.CardOf(await Bot.ClickAsync(person, "board.show", new JsonObject
        {
            ["cardKind"] = "status-card",
            ["boardId"] = _boardId.ToString(),
            ["periodKey"] = "2025-26-Q2",
        }));

    private async Task<JsonObject> AddAsync(DemoPerson person, string title, string ownerId, string ownerEmail, string dueDate) =>
        ConversationBot.CardOf(await Bot.ClickAsync(person, "action.add", new JsonObject
        {
            ["cardKind"] = "board-summary-card",
            ["boardId"] = _boardId.ToString(),
            ["periodKey"] = "2025-26-Q2",
            ["actionTitle"] = title,
            ["actionOwnerId"] = ownerId,
            ["actionOwnerEmail"] = ownerEmail,
            ["actionDueDate"] = dueDate,
            ["actionPriorityId"] = "",
        }));

    private async Task<BoardAction> ActionAsync(string title)
    {
        await using var db = Bot.NewContext();
        return await db.BoardActions.AsNoTracking().SingleAsync(a => a.Title == title);
    }

    internal static JsonObject FindInput(JsonNode? node, string id) => TryFind(node, id) ?? throw new Xunit.Sdk.XunitException($"No input {id} on the card");

    private static JsonObject? TryFind(JsonNode? node, string id) => node switch
    {
        JsonObject o when o["id"] is JsonValue v && v.TryGetValue<string>(out var s) && s == id => o,
        JsonObject o => o.Select(p => TryFind(p.Value, id)).FirstOrDefault(f => f is not null),
        JsonArray a => a.Select(n => TryFind(n, id)).FirstOrDefault(f => f is not null),
        _ => null,
    };
}
