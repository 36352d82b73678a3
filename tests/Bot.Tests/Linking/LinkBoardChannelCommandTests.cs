using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PmfBot.Bot.Teams.Messaging;
using PmfBot.Bot.Tests.Support;
using PmfBot.Domain.Boards;
using PmfBot.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace PmfBot.Bot.Tests.Linking;

/// <summary>
/// A council's own boards have no channel GUIDs: the performance team links one from inside its
/// channel, and the channel is what Teams says (channelData), never what was typed.
/// </summary>
public sealed class LinkBoardChannelCommandTests : IAsyncLifetime
{
    private const string TeamId = "19:council-team@thread.tacv2";
    private const string ChannelId = "19:childrens-trust@thread.tacv2";

    private readonly TestCouncil _council = new();
    private readonly ConversationBot _bot = new(seedDemo: false);
    private readonly TeamsUser _pat = new("2a2a2a2a-1111-4222-8333-444444444444", "Pat Lead", "pat");
    private readonly TeamsUser _chair = new("2b2b2b2b-1111-4222-8333-444444444444", "Councillor Chair", "chair");

    public async Task InitializeAsync()
    {
        _bot.CreateClient();
        _council.PerformanceLead.IsPerformanceTeam = true;
        await _council.SaveAsync(_bot.Database, ConversationBot.DemoDay);
        TeamsAnswers(_pat, _council.PerformanceLead.Email);
        TeamsAnswers(_chair, _council.Chair.Email);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task A_performance_officer_links_the_board_to_the_channel_Teams_says_they_are_in()
    {
        var card = ConversationBot.TextOf(Assert.Single(await _bot.SayAsync(_pat, "link board childrens trust", "channel", ChannelData("Children's Trust"))));

        Assert.Contains("Children's Trust Board is linked to this channel", card);
        Assert.Contains("posted in Children's Trust", card);
        await using var db = _bot.NewContext();
        Assert.Equal(new TeamsChannel(TeamId, ChannelId, "Children's Trust"), (await db.Boards.SingleAsync(b => b.Id == _council.Board.Id)).Channel);
        var audit = Assert.Single(await db.AuditLog.Where(a => a.EntityType == "Board").ToListAsync());
        Assert.Equal("Pat Lead", audit.ActorName);
        Assert.Contains(_bot.Connector.LogEntries, e => e.RequestMessage.Path == $"/v3/conversations/{TeamId}/members/{_pat.UserId}");
    }

    [Fact]
    public async Task Someone_outside_the_performance_team_is_refused_and_the_board_keeps_no_channel()
    {
        var card = ConversationBot.TextOf(Assert.Single(await _bot.SayAsync(_chair, "link board Children's Trust Board", "channel", ChannelData("Children's Trust"))));

        Assert.Contains("Only the performance team can link a board", card);
        await using var db = _bot.NewContext();
        Assert.Null((await db.Boards.SingleAsync(b => b.Id == _council.Board.Id)).Channel);
    }

    [Fact]
    public async Task In_a_personal_chat_the_command_says_to_use_the_boards_channel()
    {
        var card = ConversationBot.TextOf(Assert.Single(await _bot.SayAsync(_pat, "link board Children's Trust Board")));

        Assert.Contains("Say it in the board's channel", card);
    }

    [Fact]
    public async Task The_general_channel_which_Teams_leaves_unnamed_is_called_General()
    {
        var general = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = TeamsUser.CouncilTenant },
            ["team"] = new JsonObject { ["id"] = TeamId, ["name"] = "Council performance" },
            ["channel"] = new JsonObject { ["id"] = TeamId },
        };

        await _bot.SayAsync(_pat, "link board Children's Trust Board", "channel", general);

        await using var db = _bot.NewContext();
        Assert.Equal(new TeamsChannel(TeamId, TeamId, "General"), (await db.Boards.SingleAsync(b => b.Id == _council.Board.Id)).Channel);
    }

    [Fact]
    public async Task Added_to_a_team_the_bot_lists_the_boards_without_a_channel()
    {
        var before = _bot.Connector.LogEntries.Count();
        var added = new JsonObject
        {
            ["type"] = "conversationUpdate",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["channelId"] = "msteams",
            ["serviceUrl"] = _bot.ServiceUrl,
            ["from"] = new JsonObject { ["id"] = _pat.UserId, ["aadObjectId"] = _pat.ObjectId },
            ["recipient"] = new JsonObject { ["id"] = "28:pmfbot", ["name"] = "PmfBot" },
            ["conversation"] = new JsonObject { ["id"] = TeamId, ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = TeamsUser.CouncilTenant },
            ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "28:pmfbot" }),
            ["channelData"] = new JsonObject
            {
                ["eventType"] = "teamMemberAdded",
                ["tenant"] = new JsonObject { ["id"] = TeamsUser.CouncilTenant },
                ["team"] = new JsonObject { ["id"] = TeamId, ["name"] = "Council performance" },
            },
        };

        (await _bot.CreateClient().PostAsJsonAsync("/api/messages", added)).EnsureSuccessStatusCode();
        await _bot.Services.GetRequiredService<ActivityQueue>().WhenIdleAsync();
        await _bot.ConnectorSettledAsync();

        var sent = _bot.Connector.LogEntries.Skip(before).Single(e => e.RequestMessage.Method == "POST");
        Assert.Contains($"/v3/conversations/{TeamId}/activities", sent.RequestMessage.Path);
        var text = ConversationBot.TextOf(JsonNode.Parse(sent.RequestMessage.Body!)!["attachments"]![0]!["content"]!);
        Assert.Contains("Boards without a channel", text);
        Assert.Contains("Children's Trust Board", text);
        Assert.Contains("link board", text);
    }

    private static JsonObject ChannelData(string channelName) => new()
    {
        ["tenant"] = new JsonObject { ["id"] = TeamsUser.CouncilTenant },
        ["team"] = new JsonObject { ["id"] = TeamId, ["name"] = "Council performance" },
        ["channel"] = new JsonObject { ["id"] = ChannelId, ["name"] = channelName },
    };

    private void TeamsAnswers(TeamsUser user, string email) =>
        _bot.Connector.Given(Request.Create().UsingGet().WithPath(p => p.Contains("/members/" + user.UserId, StringComparison.Ordinal)))
            .AtPriority(-10)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(new JsonObject
            {
                ["id"] = user.UserId,
                ["aadObjectId"] = user.ObjectId,
                ["email"] = email,
                ["userPrincipalName"] = email,
                ["tenantId"] = TeamsUser.CouncilTenant,
            }.ToJsonString()));
}
