using PmfBot.Bot.Teams.Activities;

namespace PmfBot.Bot.Teams.Messaging;

/// <summary>The message handler used while no other is registered: proves the round trip. Issue 4 replaces it with the command table.</summary>
internal sealed class EchoMessageHandler : IActivityHandler<MessageActivity>
{
    public Task HandleAsync(TurnContext<MessageActivity> turn, CancellationToken cancellationToken) =>
        turn.ReplyAsync($"PmfBot heard you: {turn.Activity.CommandText}", cancellationToken);
}
