using System.Text.Json.Nodes;
using PmfBot.Bot.Conversation;
using PmfBot.Bot.Teams.Activities;
using PmfBot.Bot.Teams.Connector;
using PmfBot.Domain.Calendar;

namespace PmfBot.Bot.Returns;

/// <summary>What both sign-off buttons share: reading the card's period, and editing the original message after a change.</summary>
internal static class SignOffOriginal
{
    public const string NoPeriod = "This card does not say which period it is for. Ask the performance team for a new sign-off card.";

    public static Period? PeriodOf(CardActionRequest request) => Period.TryParse(request.Text("periodKey"), out var period) ? period : null;

    /// <summary>Everyone who sees the original message sees the outcome; best effort, the change is already saved.</summary>
    public static async Task UpdateAsync(CardActionRequest request, JsonObject card, ILogger logger, CancellationToken cancellationToken)
    {
        if (request.Activity.ReplyToId is not { Length: > 0 } replyToId || request.Activity.Conversation.Id is not { Length: > 0 } conversationId)
        {
            return;
        }

        try
        {
            await request.Connector.UpdateActivityAsync(
                request.Activity.ServiceUrl, conversationId, replyToId,
                new OutgoingActivity { Attachments = [Attachment.AdaptiveCard(card)] }, cancellationToken);
        }
        catch (ConnectorException ex)
        {
            logger.LogWarning(ex, "Could not update the sign-off card {ReplyToId} in conversation {ConversationId}", replyToId, conversationId);
        }
    }
}
