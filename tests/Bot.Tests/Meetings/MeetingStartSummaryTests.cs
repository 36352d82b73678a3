using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PmfBot.Bot.Tests.Conversation.Support;
using PmfBot.Bot.Tests.MessageExtensions.Support;
using PmfBot.Domain.Boards;
using PmfBot.Domain.Demo;

namespace PmfBot.Bot.Tests.Meetings;

/// <summary>
/// The board meeting in Teams: a meeting chat made a board's with "link board ..." (or a channel meeting in
/// the board's channel) gets the board's summary when the meeting starts, once however often Teams delivers
/// the start event; a meeting of no board gets nothing. Signed traffic, the connector fake on loopback.
/// </summary>
public sealed class MeetingStartSummaryTests : IAsyncLifetime
{
    private const string MeetingChat = "19:meeting_NzJiMjNkMGQtYzk3NS00ZDI1@thread.v2";
    private const string MeetingId = "MCMxOTptZWV0aW5nX056SmlNak5rTUdRdFl6azNOUzAwWkRJMUB0aHJlYWQudjIjMA==";

    private readonly SignedInTeams _teams = new();

    private static TeamsUser PerformanceOfficer => TeamsUser.Of(DemoCouncil.People.PerformanceOfficer);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _teams.DisposeAsync();

    [Fact]
    public async Task A_linked_meeting_chat_gets_the_board_summary_once_even_when_the_start_event_comes_twice()
    {
        var linked = await SayInMeetingAsync(PerformanceOfficer, "link board health and wellbeing");
        Assert.Contains("This meeting is Health and Wellbeing Board's", linked);

        var start = MeetingStartEvent(MeetingChat, MeetingId, "2025-11-24T10:02:13.4388966Z");
        Assert.Equal(HttpStatusCode.OK, (await _teams.PostAsync(start)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _teams.PostAsync(start.DeepClone().AsObject())).StatusCode);
        await _teams.SettledAsync();

        var post = Assert.Single(_teams.Posts(), p => p.Path == $"/v3/conversations/{MeetingChat}/activities");
        var card = post.Body["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", card["contentType"]!.GetValue<string>());
        var text = ConversationBot.TextOf(card["content"]!);
        Assert.Contains("Health and Wellbeing Board", text);
        Assert.Contains("Q2 2025/26", text);
        await using var db = _teams.Bot.NewContext();
        var audit = Assert.Single(await db.AuditLog.Where(a => a.Action == "linked to a Teams meeting chat").ToListAsync());
        Assert.Equal("Alison Pryce", audit.ActorName);
    }

    [Fact]
    public async Task The_next_meeting_of_the_series_gets_its_own_summary()
    {
        await SayInMeetingAsync(PerformanceOfficer, "link board health and wellbeing");

        await _teams.PostAsync(MeetingStartEvent(MeetingChat, MeetingId, "2025-11-24T10:02:13Z"));
        await _teams.PostAsync(MeetingStartEvent(MeetingChat, MeetingId, "2025-12-22T10:00:41Z"));
        await _teams.SettledAsync();

        Assert.Equal(2, _teams.Posts().Count(p => p.Path == $"/v3/conversations/{MeetingChat}/activities"));
    }

    [Fact]
    public async Task A_meeting_of_no_board_gets_nothing_and_the_log_says_why()
    {
        var response = await _teams.PostAsync(MeetingStartEvent("19:meeting_some-other-meeting@thread.v2", "MCMxOTpvdGhlcg==", "2025-11-24T10:02:13Z"));
        await _teams.SettledAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_teams.Posts());
        Assert.Contains(_teams.Bot.Logs.Entries, e => e.Message.Contains("which is no board's", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Someone_who_is_neither_the_chair_nor_the_performance_team_cannot_link_the_meeting()
    {
        var reply = await SayInMeetingAsync(TeamsUser.Of(DemoCouncil.People.ScrutinyMember), "link board health and wellbeing");

        Assert.Contains("The meeting was not linked", reply);
        Assert.Contains("chair or the performance team", reply);
        await _teams.PostAsync(MeetingStartEvent(MeetingChat, MeetingId, "2025-11-24T10:02:13Z"));
        await _teams.SettledAsync();
        Assert.DoesNotContain(_teams.Posts(), p => p.Path == $"/v3/conversations/{MeetingChat}/activities");
    }

    [Fact]
    public async Task The_boards_chair_may_link_her_own_boards_meeting()
    {
        var reply = await SayInMeetingAsync(TeamsUser.Of(DemoCouncil.People.Chair), "link board health and wellbeing");

        Assert.Contains("This meeting is Health and Wellbeing Board's", reply);
    }

    [Fact]
    public async Task A_forged_meeting_start_gets_401_and_posts_nothing()
    {
        await SayInMeetingAsync(PerformanceOfficer, "link board health and wellbeing");

        var response = await _teams.PostAsync(MeetingStartEvent(MeetingChat, MeetingId, "2025-11-24T10:02:13Z"), "Bearer not-a.jwt-at-all");
        await _teams.SettledAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(_teams.Posts(), p => p.Path == $"/v3/conversations/{MeetingChat}/activities");
    }

    /// <summary>A message in the meeting chat (Teams names the meeting in channelData); the text of the bot's reply.</summary>
    private async Task<string> SayInMeetingAsync(TeamsUser user, string text)
    {
        var before = _teams.Bot.Connector.LogEntries.Count();
        var message = _teams.Activity(user, "message", MeetingChat, "groupChat");
        message["text"] = text;
        message["channelData"]!["meeting"] = new JsonObject { ["id"] = MeetingId };
        Assert.Equal(HttpStatusCode.OK, (await _teams.PostAsync(message)).StatusCode);
        await _teams.SettledAsync();
        var replies = _teams.Bot.Connector.LogEntries.Skip(before)
            .Where(e => e.RequestMessage.Method == "POST" && e.RequestMessage.Path.StartsWith($"/v3/conversations/{MeetingChat}/activities", StringComparison.Ordinal))
            .Select(e => JsonNode.Parse(e.RequestMessage.Body!)!["attachments"]![0]!["content"]!)
            .ToList();
        return ConversationBot.TextOf(Assert.Single(replies));
    }

    internal static JsonObject MeetingStartEvent(SignedInTeams teams, TeamsUser organiser, string conversationId, string meetingId, string startTime, JsonObject? channelData = null)
    {
        var start = teams.Activity(organiser, "event", conversationId, "groupChat");
        start["name"] = "application/vnd.microsoft.meetingStart";
        start["channelData"]!["meeting"] = new JsonObject { ["id"] = meetingId };
        foreach (var (key, value) in channelData ?? [])
        {
            start["channelData"]![key] = value?.DeepClone();
        }

        start["value"] = new JsonObject
        {
            ["MeetingType"] = "Scheduled",
            ["Title"] = "Board meeting",
            ["Id"] = meetingId,
            ["JoinUrl"] = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_test%40thread.v2/0",
            ["StartTime"] = startTime,
        };
        return start;
    }

    private JsonObject MeetingStartEvent(string conversationId, string meetingId, string startTime) =>
        MeetingStartEvent(_teams, PerformanceOfficer, conversationId, meetingId, startTime);
}
