using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PmfBot.Bot.Tests.Support;
using PmfBot.Domain.Boards;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Conversations;
using PmfBot.Domain.Demo;
using PmfBot.Domain.Outbox;
using PmfBot.Domain.Returns;
using PmfBot.Scheduler.Cycle;
using PmfBot.Scheduler.Delivery;
using PmfBot.Scheduler.Jobs;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace PmfBot.Bot.Tests.Delivery;

/// <summary>The scheduler's outbox sent by the real bot host to the Bot Connector fake.</summary>
public sealed class TeamsOutboxDeliveryTests(SharedDemoBot shared) : SharedDemoBotTests(shared)
{
    private static readonly DemoPerson Owner = DemoCouncil.People.Owner;

    [Fact]
    public async Task The_returns_open_nudge_is_sent_to_the_owners_chat_with_their_return_card()
    {
        await Bot.SayAsync(Owner, "hello");
        var message = await EnqueueAsync(await ReturnsOpenAsync(Owner));
        var before = Bot.Connector.LogEntries.Count();

        await using (var scope = Bot.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<DeliverOutboxJob>().RunAsync(CancellationToken.None);
            Assert.Equal(1, result.Sent);
        }

        await Bot.ConnectorSettledAsync();
        var posts = Bot.Connector.LogEntries.Skip(before).Where(e => e.RequestMessage.Method == "POST").ToList();
        var post = Assert.Single(posts);
        Assert.Contains("kate.hughes", Uri.UnescapeDataString(post.RequestMessage.Path));
        var body = JsonNode.Parse(post.RequestMessage.Body!)!;
        var attachment = Assert.Single(body["attachments"]!.AsArray())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment["contentType"]!.GetValue<string>());
        Assert.Contains("CPP-H4", ConversationBot.TextOf(attachment["content"]!));

        await using var db = Bot.NewContext();
        var row = await db.Outbox.SingleAsync(m => m.Id == message.Id);
        Assert.Equal(OutboxState.Sent, row.State);
        Assert.Equal("1:bot-message", row.ActivityId);
        Assert.Equal("a:" + Owner.Email, row.ConversationId);
    }

    [Fact]
    public async Task A_person_without_a_conversation_reference_is_not_installed()
    {
        var director = DemoCouncil.People.Director;
        var outcome = await DeliverAsync(await EnqueueAsync(await ReturnsOpenAsync(director)));

        Assert.IsType<DeliveryOutcome.NotInstalled>(outcome);
    }

    [Fact]
    public async Task MessageWritesBlocked_from_Teams_is_blocked()
    {
        var manager = DemoCouncil.People.Manager;
        await Bot.SayAsync(manager, "hello");
        Bot.Connector.Given(Request.Create().UsingPost().WithPath(p => Uri.UnescapeDataString(p).Contains("a:" + manager.Email, StringComparison.Ordinal)))
            .AtPriority(-10)
            .RespondWith(Response.Create().WithStatusCode(403).WithBody("""{"errorCode":209,"message":"{\r\n  \"subCode\": \"MessageWritesBlocked\",\r\n  \"details\": \"Thread is blocked from message writes.\"\r\n}"}"""));

        var outcome = await DeliverAsync(await EnqueueAsync(await ReturnsOpenAsync(manager)));

        Assert.IsType<DeliveryOutcome.Blocked>(outcome);
    }

    [Fact]
    public async Task A_board_summary_starts_a_thread_in_the_boards_channel()
    {
        const string channelId = "19:hwb@thread.tacv2";
        Guid boardId;
        await using (var db = Bot.NewContext())
        {
            var board = await db.Boards.SingleAsync(b => b.Name == "Health and Wellbeing Board");
            board.PostTo(new TeamsChannel("team-hwb", channelId, "Performance"));
            await db.SaveChangesAsync();
            boardId = board.Id;
            await new ConversationReferenceStore(db, Bot.Clock, new RecentSightings()).RecordAsync([new ConversationSighting
            {
                Key = ConversationReference.ChannelKey(channelId),
                Kind = ConversationKind.Channel,
                ServiceUrl = Bot.ServiceUrl,
                ChannelId = "msteams",
                TenantId = "9b2d6c4e-1f3a-4e5b-8c7d-0a1b2c3d4e5f",
                ConversationId = channelId,
                TeamsChannelId = channelId,
                TeamId = "team-hwb",
                BotId = "28:pmfbot",
            }]);
        }

        var quarter = Quarter();
        var message = OutboxMessage.ToBoardChannel(
            $"{OutboxKinds.BoardSummary}:{boardId:N}:{quarter.Key}", OutboxKinds.BoardSummary, boardId, quarter,
            new PlannedMessage("k", OutboxKinds.BoardSummary, null, boardId, quarter, new SummaryPayload(boardId, quarter.Key, [], [], false)).PayloadJson,
            Bot.Clock.GetUtcNow());
        await EnqueueAsync(message);
        var before = Bot.Connector.LogEntries.Count();

        var outcome = await DeliverAsync(message);

        Assert.IsType<DeliveryOutcome.Sent>(outcome);
        await Bot.ConnectorSettledAsync();
        var post = Assert.Single(Bot.Connector.LogEntries.Skip(before));
        Assert.Equal("/v3/conversations", post.RequestMessage.Path);
        var body = JsonNode.Parse(post.RequestMessage.Body!)!;
        Assert.True(body["isGroup"]!.GetValue<bool>());
        Assert.Equal(channelId, body["channelData"]!["channel"]!["id"]!.GetValue<string>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["activity"]!["attachments"]![0]!["contentType"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_kind_fails()
    {
        await Bot.SayAsync(Owner, "hello");
        var message = OutboxMessage.ToPerson("x:1", "nudge.Unheard", Owner.Id, null, "{}", Bot.Clock.GetUtcNow());

        var outcome = await DeliverAsync(message);

        Assert.Contains("unknown kind", Assert.IsType<DeliveryOutcome.Failed>(outcome).Error);
    }

    private Period Quarter() => DemoCouncil.CurrentQuarter(UkTime.Today(Bot.Clock));

    /// <summary>A returns-open nudge as the cycle planner makes it: the person's unanswered returns.</summary>
    private async Task<OutboxMessage> ReturnsOpenAsync(DemoPerson person)
    {
        await using var db = Bot.NewContext();
        var open = await db.Returns.AsNoTracking()
            .Where(r => r.Indicator.OwnerId == person.Id && (r.State == ReturnState.Open || r.State == ReturnState.Draft || r.State == ReturnState.SentBack))
            .Select(r => new { r.Id, r.Period, r.DueDate })
            .ToListAsync();
        var today = UkTime.Today(Bot.Clock);
        var periods = open.Select(r => r.Period).Distinct().Order().ToList();
        var payload = new NudgePayload(
            person.Id, "owner", today, open.Count > 0 ? open.Min(r => r.DueDate) : today, open.Select(r => r.Id).ToList(), periods.Select(p => p.Key).ToList(), null, null);
        var planned = new PlannedMessage(
            $"ReturnsOpen:{person.Id:N}:{today:yyyy-MM-dd}", OutboxKinds.ReturnsOpen, person.Id, null, periods.Count > 0 ? periods.Max() : null, payload);
        return planned.ToOutbox(Bot.Clock.GetUtcNow());
    }

    private async Task<OutboxMessage> EnqueueAsync(OutboxMessage message)
    {
        await using var scope = Bot.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<OutboxStore>().EnqueueAsync([message]));
        return message;
    }

    private async Task<DeliveryOutcome> DeliverAsync(OutboxMessage message)
    {
        await using var scope = Bot.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IOutboxDelivery>().DeliverAsync(message, CancellationToken.None);
    }
}
