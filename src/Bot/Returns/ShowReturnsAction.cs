using System.Text.Json.Nodes;
using PmfBot.Bot.Cards;
using PmfBot.Bot.Conversation;

namespace PmfBot.Bot.Returns;

/// <summary><c>returns.show</c> ("My returns" on help): the person's return card as it is now.</summary>
public sealed class ShowReturnsAction(ReturnCards cards) : ICardAction
{
    public async Task<JsonNode> HandleAsync(CardActionRequest request, CancellationToken cancellationToken) =>
        await cards.ForPersonAsync(request.Person, 1, Notice.None, cancellationToken);
}
