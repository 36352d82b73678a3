using System.Text.Json.Nodes;
using PmfBot.Bot.Cards;
using PmfBot.Bot.Conversation;

namespace PmfBot.Bot.Returns;

/// <summary>"my returns": every return the speaker may answer that is still open, on one card.</summary>
public sealed class MyReturnsCommand(ReturnCards cards, MessageCards messages) : ICommand
{
    public async Task<JsonObject> RunAsync(CommandRequest request, CancellationToken cancellationToken) =>
        request.Person is null
            ? messages.NotKnown()
            : await cards.ForPersonAsync(request.Person, 1, Notice.None, cancellationToken);
}
