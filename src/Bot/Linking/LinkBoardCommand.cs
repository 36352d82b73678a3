using System.Text.Json.Nodes;
using PmfBot.Bot.Conversation;
using PmfBot.Bot.Teams.Activities;
using PmfBot.Domain;
using PmfBot.Domain.Boards;
using PmfBot.Domain.Boards.Channels;
using PmfBot.Domain.Boards.Meetings;

namespace PmfBot.Bot.Linking;

/// <summary>
/// "@PmfBot link board Health and Wellbeing Board", in the board's channel: the channel is the one
/// Teams says the message came from (<c>channelData</c>: team, channel and its name), never typed.
/// Said in a meeting's chat, it makes the meeting the board's: its summary is posted there when the
/// meeting starts (src/Bot/Meetings).
/// </summary>
public sealed class LinkBoardCommand(LinkBoardChannel link, BoardMeetings meetings, MessageCards messages) : ICommand
{
    public async Task<JsonObject> RunAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (request.Person is not { } person)
        {
            return messages.NotKnown();
        }

        var channel = ChannelOf(request.Activity);
        if (channel is null && MeetingChatOf(request.Activity) is { } meetingChat)
        {
            return await LinkMeetingAsync(person.Id, request.Argument, meetingChat, cancellationToken);
        }

        if (channel is null)
        {
            return messages.Refusal("Say it in the board's channel", "Link a board from inside its Teams channel (add me to the team, then in the channel say @PmfBot link board followed by the board's name), or from its meeting's chat to have its summary posted there when the meeting starts.");
        }

        try
        {
            var result = await link.LinkAsync(person.Id, request.Argument, channel, cancellationToken);
            var text = $"{result.Board.Name}'s summaries and actions will be posted in {channel.ChannelName}."
                + (result.Previous is { } previous ? $" They went to {previous.ChannelName} before." : "")
                + (result.AlsoPostingHere.Count > 0 ? $" {string.Join(", ", result.AlsoPostingHere)} also post{(result.AlsoPostingHere.Count == 1 ? "s" : "")} here." : "");
            return messages.Confirmation($"{result.Board.Name} is linked to this channel", text);
        }
        catch (PmfRuleException refused)
        {
            return messages.Refusal("The board was not linked", refused.Message);
        }
    }

    private async Task<JsonObject> LinkMeetingAsync(Guid personId, string boardText, string meetingChat, CancellationToken cancellationToken)
    {
        try
        {
            var result = await meetings.LinkAsync(personId, boardText, meetingChat, cancellationToken);
            var text = $"When this meeting starts, I will post {result.Board.Name}'s summary for the quarter here."
                + (result.PreviousBoardName is { } previous ? $" This meeting was {previous}'s before." : "");
            return messages.Confirmation($"This meeting is {result.Board.Name}'s", text);
        }
        catch (PmfRuleException refused)
        {
            return messages.Refusal("The meeting was not linked", refused.Message);
        }
    }

    /// <summary>A meeting's chat (Teams names the meeting in <c>channelData.meeting</c>): its conversation id; null elsewhere.</summary>
    public static string? MeetingChatOf(Activity activity) =>
        activity.ChannelData?.Meeting?.Id is { Length: > 0 } && activity.Conversation.Id is { Length: > 0 } conversationId
            ? conversationId.Split(';', 2)[0]
            : null;

    /// <summary>The channel as Teams gives it in <c>channelData</c>, or null outside a team's channel.</summary>
    public static TeamsChannel? ChannelOf(Activity activity)
    {
        var teamId = activity.TeamsTeamId;
        var channelId = activity.TeamsChannelId;
        if (string.IsNullOrWhiteSpace(teamId) || string.IsNullOrWhiteSpace(channelId))
        {
            return null;
        }

        // Teams leaves the General channel unnamed (its id is the team's).
        var name = activity.ChannelData?.Channel?.Name is { Length: > 0 } named
            ? named
            : channelId == teamId ? "General" : activity.ChannelData?.Team?.Name ?? "this channel";
        return new TeamsChannel(teamId, channelId, name);
    }
}
