using PmfBot.Bot.Cards;
using System.Text.Json.Nodes;
using PmfBot.Bot.Conversation;
using PmfBot.Bot.Status;

namespace PmfBot.Bot.BoardActions;

/// <summary>"my actions": the speaker's open board actions on the action progress card, one a page.</summary>
public sealed class MyActionsCommand(ActionProgressCard card, MessageCards messages, TimeProvider clock) : ICommand
{
    public async Task<JsonObject> RunAsync(CommandRequest request, CancellationToken cancellationToken) =>
        request.Person is null
            ? messages.NotKnown()
            : await card.MineAsync(request.Person, ResultText.CurrentQuarter(clock), 1, cancellationToken)
                ?? messages.Confirmation("No open board actions", "You own no board action that is still open. When a board agrees one for you, PmfBot tells you here.");

    /// <summary>Previous/Next on the card (<c>card.page</c>): always the clicker's own actions.</summary>
    public async Task<JsonNode> PageAsync(CardActionRequest request, int page, CancellationToken cancellationToken) =>
        await card.MineAsync(request.Person, ResultText.CurrentQuarter(clock), page, cancellationToken)
            ?? messages.Confirmation("No open board actions", "You own no board action that is still open.");
}
