using System.Text.Json.Nodes;
using PmfBot.Bot.Teams.Activities;

namespace PmfBot.Bot.Meetings;

/// <summary>
/// What a meeting start event (<c>application/vnd.microsoft.meetingStart</c>) says: the meeting, from
/// <c>channelData.meeting.id</c> (Teams says not to use the conversation id or <c>value.Id</c> for it),
/// the meeting chat (<c>conversation.id</c>) and when it actually started (<c>value.StartTime</c>, UTC).
/// </summary>
public sealed record MeetingStart(string MeetingId, string ConversationId, string StartedAt, string Title)
{
    public const string EventName = "application/vnd.microsoft.meetingStart";

    /// <summary>The start, or null when the event is not a meeting start or lacks the meeting or its chat.</summary>
    public static MeetingStart? From(EventActivity activity)
    {
        if (!string.Equals(activity.Name, EventName, StringComparison.OrdinalIgnoreCase)
            || activity.ChannelData?.Meeting?.Id is not { Length: > 0 } meetingId
            || activity.Conversation.Id is not { Length: > 0 } conversationId)
        {
            return null;
        }

        // Read as sent: the same event delivered again carries the same text. Without it, the activity
        // id (also the same on a redelivery) stands in.
        var startedAt = Text(activity.Value?["StartTime"]) ?? activity.Id ?? activity.Timestamp?.ToString("O") ?? "";
        return new MeetingStart(meetingId, conversationId, startedAt, Text(activity.Value?["Title"]) ?? "");
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;
}
