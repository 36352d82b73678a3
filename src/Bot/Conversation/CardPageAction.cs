using System.Text.Json.Nodes;
using PmfBot.Bot.Compliance;
using PmfBot.Bot.Exceptions;
using PmfBot.Bot.Scorecards;
using PmfBot.Bot.Status;
using PmfBot.Domain;

namespace PmfBot.Bot.Conversation;

/// <summary>
/// <c>card.page</c>: Previous/Next on any paged card. The card's <c>cardKind</c> picks the function
/// that rebuilds that card at the page asked for, from the context ids the card carries.
/// To page another card, add one line to <see cref="Kinds"/>.
/// </summary>
public sealed class CardPageAction(IServiceProvider services) : ICardAction
{
    public delegate Task<JsonNode> PageBuilder(IServiceProvider services, CardActionRequest request, int page, CancellationToken cancellationToken);

    public static readonly IReadOnlyDictionary<string, PageBuilder> Kinds = new Dictionary<string, PageBuilder>(StringComparer.Ordinal)
    {
        [StatusCard.Kind] = (s, r, page, ct) => s.GetRequiredService<StatusCard>().ShowAsync(r, page, ct),
        [HistoryCard.Kind] = async (s, r, page, ct) => await s.GetRequiredService<HistoryCard>().ShowAsync(r, page, ct),
        [ExceptionsCard.Kind] = async (s, r, page, ct) => await s.GetRequiredService<ExceptionsCard>().ShowAsync(r, page, ct),
        [ComplianceCard.Kind] = async (s, r, page, ct) => await s.GetRequiredService<ComplianceCard>().ShowAsync(r, page, ct),
        [ScorecardCard.Kind] = async (s, r, page, ct) => await s.GetRequiredService<ScorecardCard>().ShowAsync(r, page, ct),
        ["submitted-card"] = async (s, r, _, ct) => await Returns.ReturnsPaging.SubmittedCardPageAsync(s, r, ct),
        ["sign-off-card"] = async (s, r, _, ct) => await Returns.ReturnsPaging.SignOffCardPageAsync(s, r, ct),
        [BoardActions.ActionProgressCard.Kind] = (s, r, page, ct) => s.GetRequiredService<BoardActions.MyActionsCommand>().PageAsync(r, page, ct),
    };

    public async Task<JsonNode> HandleAsync(CardActionRequest request, CancellationToken cancellationToken) =>
        Kinds.TryGetValue(request.Text("cardKind"), out var build)
            ? await build(services, request, Math.Max(1, request.Number("page", 1)), cancellationToken)
            : throw new PmfRuleException("That card cannot be paged. Ask for it again.");
}
