using PmfBot.Bot.Conversation;
using PmfBot.Bot.Teams.Activities;
using PmfBot.Bot.Teams.Connector;
using PmfBot.Bot.Teams.Messaging;
using PmfBot.Domain.Boards.Channels;

namespace PmfBot.Bot.Linking;

/// <summary>
/// PmfBot added to a team: says, in the channel it was added to, which boards have no channel yet
/// and how the performance team links one from inside its channel.
/// </summary>
public sealed class BotAddedToTeam(LinkBoardChannel link, MessageCards messages, ILogger<BotAddedToTeam> logger)
    : IActivityHandler<ConversationUpdateActivity>
{
    public async Task HandleAsync(TurnContext<ConversationUpdateActivity> turn, CancellationToken cancellationToken)
    {
        if (!turn.Activity.BotWasAdded || turn.Activity.TeamsTeamId is null)
        {
            return;
        }

        var unlinked = await link.UnlinkedBoardsAsync(cancellationToken);
        if (unlinked.Count == 0)
        {
            return;
        }

        var card = messages.Choose(
            "Boards without a channel",
            "PmfBot posts each board's summaries in its Teams channel. These boards have none yet. A member of the performance team can link one by saying, in the board's channel: @PmfBot link board followed by its name.",
            unlinked.Take(20).ToList(),
            unlinked.Count > 20 ? $"And {unlinked.Count - 20} more." : "");
        try
        {
            await turn.ReplyAsync(OutgoingActivity.FromCard(card, "Boards without a channel"), cancellationToken);
        }
        catch (ConnectorException ex)
        {
            logger.LogWarning(ex, "Could not list the unlinked boards in team {TeamId}", turn.Activity.TeamsTeamId);
        }
    }
}
