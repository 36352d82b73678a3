using System.Text.Json.Nodes;
using PmfBot.Domain;

namespace PmfBot.Bot.Conversation;

/// <summary>
/// <c>card.page</c>: Previous/Next on any paged card. The card's <c>cardKind</c> picks the builder its
/// feature registered (<see cref="ConversationRegistration.AddPagedCard"/>), which rebuilds that card
/// at the page asked for, from the context ids the card carries.
/// </summary>
public sealed class CardPageAction(IServiceProvider services, IEnumerable<PagedCard> pagedCards) : ICardAction
{
    private readonly Dictionary<string, PagedCard> _kinds = pagedCards.ToDictionary(c => c.Kind, StringComparer.Ordinal);

    public async Task<JsonNode> HandleAsync(CardActionRequest request, CancellationToken cancellationToken) =>
        _kinds.TryGetValue(request.Text("cardKind"), out var card)
            ? await card.Build(services, request, Math.Max(1, request.Number("page", 1)), cancellationToken)
            : throw new PmfRuleException("That card cannot be paged. Ask for it again.");
}
