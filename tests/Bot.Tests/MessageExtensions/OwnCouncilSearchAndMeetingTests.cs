using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PmfBot.Bot.Tests.Conversation.Support;
using PmfBot.Bot.Tests.Meetings;
using PmfBot.Bot.Tests.MessageExtensions.Support;
using PmfBot.Tests.Support;

namespace PmfBot.Bot.Tests.MessageExtensions;

/// <summary>
/// A council that imported its own data, demo off, from an empty database, with people the bot has never
/// seen before this test: its scrutiny member searches its priority with a typo, its performance lead links
/// its board's channel, and a channel meeting there gets the board's summary once.
/// </summary>
public sealed class OwnCouncilSearchAndMeetingTests : IAsyncLifetime
{
    private const string TeamId = "19:council-team@thread.tacv2";
    private const string ChannelId = "19:childrens-trust@thread.tacv2";

    private readonly TestCouncil _council = new();
    private readonly SignedInTeams _teams = new(seedDemo: false);
    private readonly TeamsUser _pat = new("2a2a2a2a-1111-4222-8333-444444444444", "Pat Lead", "pat");
    private readonly TeamsUser _sam = new("2c2c2c2c-1111-4222-8333-444444444444", "Sam Scrutiny", "sam");

    public async Task InitializeAsync()
    {
        _teams.Host.CreateClient();
        _council.PerformanceLead.IsPerformanceTeam = true;
        _council.PerformanceLead.LinkEntraObjectId(_pat.ObjectId);
        _council.ScrutinyMember.LinkEntraObjectId(_sam.ObjectId);
        await _council.SaveAsync(_teams.Bot.Database, ConversationBot.DemoDay);
    }

    public async Task DisposeAsync() => await _teams.DisposeAsync();

    [Fact]
    public async Task Its_scrutiny_member_finds_its_priority_by_words_with_typos()
    {
        var response = await _teams.InvokeAsync(_sam, "composeExtension/query", new JsonObject
        {
            ["commandId"] = "searchPriorities",
            ["parameters"] = new JsonArray(new JsonObject { ["name"] = "priority", ["value"] = "scool atendance" }),
            ["queryOptions"] = new JsonObject { ["skip"] = 0, ["count"] = 25 },
        }, conversationType: "groupChat");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await response.Content.ReadFromJsonAsync<JsonObject>())!["composeExtension"]!;
        var found = Assert.Single(result["attachments"]!.AsArray())!;
        Assert.Equal("CPP-C1: Improve school attendance", found["preview"]!["content"]!["title"]!.GetValue<string>());
        Assert.Equal("Children's Trust Board", found["preview"]!["content"]!["subtitle"]!.GetValue<string>());
        Assert.Contains("Improve school attendance", ConversationBot.TextOf(found["content"]!));
    }

    [Fact]
    public async Task A_channel_meeting_in_its_boards_channel_gets_the_board_summary_once()
    {
        var channelData = new JsonObject
        {
            ["team"] = new JsonObject { ["id"] = TeamId, ["name"] = "Council performance" },
            ["channel"] = new JsonObject { ["id"] = ChannelId, ["name"] = "Children's Trust" },
        };
        var link = _teams.Activity(_pat, "message", ChannelId + ";messageid=1700", "channel");
        link["text"] = "link board children's trust";
        link["channelData"]!["team"] = channelData["team"]!.DeepClone();
        link["channelData"]!["channel"] = channelData["channel"]!.DeepClone();
        Assert.Equal(HttpStatusCode.OK, (await _teams.PostAsync(link)).StatusCode);
        await _teams.SettledAsync();

        var meetingThread = ChannelId + ";messageid=1701";
        var start = MeetingStartSummaryTests.MeetingStartEvent(_teams, _pat, meetingThread, "MCMxOTpjaGFubmVsLW1lZXRpbmc=", "2025-11-24T14:00:05Z", channelData);
        start["conversation"]!["conversationType"] = "channel";
        await _teams.PostAsync(start);
        await _teams.PostAsync(start.DeepClone().AsObject());
        await _teams.SettledAsync();

        var post = Assert.Single(_teams.Posts(), p => p.Path.Contains("messageid=1701", StringComparison.Ordinal));
        var text = ConversationBot.TextOf(post.Body["attachments"]![0]!["content"]!);
        Assert.Contains("Children's Trust Board", text);
        Assert.Contains("CPP-C1", text);
    }
}
