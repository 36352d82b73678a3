using System.Text.Json.Nodes;
using PmfBot.Bot.Status;
using PmfBot.Bot.Summaries;
using PmfBot.Bot.Teams.Activities;
using PmfBot.Bot.Teams.Connector;
using PmfBot.Bot.Teams.Messaging;
using PmfBot.Domain.Boards.Meetings;

namespace PmfBot.Bot.Meetings;

/// <summary>
/// When a board's meeting starts in Teams (and PmfBot is in it, or it would not hear the event), posts the
/// board's summary for the quarter into the meeting chat: the board summary for a board that owns
/// priorities, the scrutiny summary for a scrutiny board. Once per meeting start, however many times
/// Teams delivers the event (<see cref="BoardMeetings.TryClaimPostAsync"/>). A meeting of no board gets
/// nothing, and a log line saying so.
/// </summary>
public sealed class PostSummaryAtMeetingStart(BoardMeetings meetings, SummaryCards summaries, TimeProvider clock, ILogger<PostSummaryAtMeetingStart> logger)
    : IActivityHandler<EventActivity>
{
    public async Task HandleAsync(TurnContext<EventActivity> turn, CancellationToken cancellationToken)
    {
        if (MeetingStart.From(turn.Activity) is not { } start)
        {
            if (string.Equals(turn.Activity.Name, MeetingStart.EventName, StringComparison.OrdinalIgnoreCase))
            {
                logger.LogWarning("Meeting start event {ActivityId} names no meeting or chat; nothing posted", turn.Activity.Id);
            }

            return;
        }

        var board = await meetings.BoardOfAsync(start.ConversationId, turn.Activity.TeamsChannelId, cancellationToken);
        if (board is null)
        {
            logger.LogInformation("Meeting {MeetingId} ({Title}) started in chat {ConversationId}, which is no board's: nothing posted", start.MeetingId, start.Title, start.ConversationId);
            return;
        }

        if (!await meetings.TryClaimPostAsync(start.MeetingId, start.StartedAt, board.Id, start.ConversationId, cancellationToken))
        {
            logger.LogInformation("{Board}'s summary for meeting {MeetingId} started {StartedAt} is already posted", board.Name, start.MeetingId, start.StartedAt);
            return;
        }

        try
        {
            var quarter = ResultText.CurrentQuarter(clock);
            JsonObject card = board.IsScrutiny
                ? await summaries.ScrutinySummaryAsync(board.Id, quarter, cancellationToken)
                : await summaries.BoardSummaryAsync(board.Id, quarter, cancellationToken);
            await turn.Connector.SendToConversationAsync(
                turn.Activity.ServiceUrl,
                start.ConversationId,
                OutgoingActivity.FromCard(card, $"{board.Name}: summary for {quarter.Label}"),
                cancellationToken);
            logger.LogInformation("Posted {Board}'s summary for {Quarter} into meeting {MeetingId}", board.Name, quarter.Key, start.MeetingId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Given back, so the event delivered again can post it.
            logger.LogError(ex, "Posting {Board}'s summary into meeting {MeetingId} failed", board.Name, start.MeetingId);
            await meetings.ReleasePostAsync(start.MeetingId, start.StartedAt, CancellationToken.None);
        }
    }
}
