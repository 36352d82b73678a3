using System.Text.Json.Nodes;
using PmfBot.Bot.Cards;
using PmfBot.Bot.Conversation;
using PmfBot.Domain;
using PmfBot.Domain.Returns;
using static PmfBot.Domain.Returns.SubmitReturn;

namespace PmfBot.Bot.Returns;

/// <summary><c>returns.correct</c> on the submitted card: opens one submitted return again on the return card.</summary>
public sealed class CorrectReturnAction(SubmitReturn submit, ReturnCards cards) : ICardAction
{
    public async Task<JsonNode> HandleAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        var outcome = await submit.CorrectAsync(
            request.Person, request.Id("returnId"), ReturnCardPeriod.Version(request.Text("version")), ReturnCardPeriod.Of(request), cancellationToken);
        return outcome switch
        {
            Outcome.Correcting correcting => await cards.ReturnCardAsync(
                request.Person, 1, Notice.Warning($"Correcting {correcting.Return.Indicator.Code}: change what you need and submit it again."),
                new Dictionary<Guid, ReturnCards.Overlay> { [correcting.Return.Id] = new(null, null, null, Correcting: correcting.Return.HasAnswer) },
                [correcting.Return.Id], cancellationToken),
            Outcome.Stale stale => await cards.ForPersonAsync(request.Person, 1, Notice.Warning(stale.Message), cancellationToken),
            Outcome.Refused refused => throw new PmfRuleException(refused.Reason),
            _ => throw new InvalidOperationException($"{outcome} is not an outcome of a correction."),
        };
    }
}
