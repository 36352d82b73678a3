using PmfBot.Bot.Teams.Activities;
using PmfBot.Bot.Teams.Connector;

namespace PmfBot.Bot.Teams.Messaging;

/// <summary>One inbound activity and the means to answer it.</summary>
public sealed class TurnContext<TActivity>(TActivity activity, IConnectorClient connector) where TActivity : Activity
{
    public TActivity Activity { get; } = activity;

    public IConnectorClient Connector { get; } = connector;

    public Task<ResourceResponse> ReplyAsync(string text, CancellationToken cancellationToken) =>
        ReplyAsync(OutgoingActivity.FromText(text), cancellationToken);

    /// <summary>
    /// Answers in the same conversation (in a channel: the same thread), as a reply to the activity when it
    /// has an id. From, recipient and conversation are filled in from the inbound activity.
    /// </summary>
    public Task<ResourceResponse> ReplyAsync(OutgoingActivity reply, CancellationToken cancellationToken)
    {
        var conversationId = Activity.Conversation.Id
            ?? throw new InvalidOperationException($"A {Activity.Type} activity without a conversation cannot be answered.");
        var outgoing = reply with
        {
            From = reply.From ?? Activity.Recipient,
            Recipient = reply.Recipient ?? Activity.From,
            Conversation = reply.Conversation ?? Activity.Conversation,
            ReplyToId = reply.ReplyToId ?? Activity.Id,
            Locale = reply.Locale ?? Activity.Locale,
        };

        return string.IsNullOrEmpty(Activity.Id)
            ? Connector.SendToConversationAsync(Activity.ServiceUrl, conversationId, outgoing, cancellationToken)
            : Connector.ReplyToActivityAsync(Activity.ServiceUrl, conversationId, Activity.Id, outgoing, cancellationToken);
    }
}
