using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PmfBot.Bot.Conversation;
using PmfBot.Domain.Storage;

namespace PmfBot.Bot.Ratings;

/// <summary>
/// <c>card.refresh</c> on the approval card: Teams asks for the invoker's view. The chair gets the
/// buttons while the rating waits for them; everyone else, and everyone once decided, the
/// read-only view. Decided from the invoker, never from the card's data.
/// </summary>
public sealed class RefreshApprovalAction(PmfDbContext db, RatingCards cards, MessageCards messages) : ICardAction
{
    public async Task<JsonNode> HandleAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        var priorityId = request.Id("priorityId");
        var known = await db.Priorities.AsNoTracking().AnyAsync(p => p.Id == priorityId, cancellationToken);
        if (request.Text("cardKind") is not ("approval-card" or "") || !known || CardInputs.PeriodOf(request) is not { } period)
        {
            return messages.Refusal("That card is out of date", "PmfBot cannot find what this card is about. Ask the performance team for a new one.");
        }

        return await cards.ApprovalCardAsync(priorityId, period, request.Person, cancellationToken: cancellationToken);
    }
}
