using System.Text.Json.Nodes;
using PmfBot.Bot.Cards;
using PmfBot.Bot.Conversation;
using PmfBot.Domain.Returns;
using Outcome = PmfBot.Domain.CardOutcome<PmfBot.Domain.Returns.SignOffReturns.SignedOff>;

namespace PmfBot.Bot.Returns;

/// <summary><c>signoff.all</c>: the directorate's performance lead signs off every submitted return on the card.</summary>
public sealed class SignOffAllAction(SignOffReturns signOff, SignOffCards cards, MessageCards messages, ILogger<SignOffAllAction> logger) : ICardAction
{
    public async Task<JsonNode> HandleAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        var directorateId = request.Id("directorateId");
        if (SignOffOriginal.PeriodOf(request) is not { } period)
        {
            return messages.Refusal("That could not be done", SignOffOriginal.NoPeriod);
        }

        var page = request.Number("page", 1);
        var outcome = await signOff.SignOffAllAsync(new SignOffReturns.Request(request.Person, directorateId, period, request.Text("version")), cancellationToken);
        switch (outcome)
        {
            case Outcome.Saved saved:
                var card = await cards.CardAsync(
                    request.Person, directorateId, period, page,
                    Notice.Good($"Signed off {CardText.Plural(saved.Value.Count, "return", "returns")} for {saved.Value.Directorate.Name} at {CardText.Time(saved.At)}."),
                    SignOffCards.SendBackForm.Empty, cancellationToken);
                await SignOffOriginal.UpdateAsync(request, card, logger, cancellationToken);
                return card;
            case Outcome.Stale stale:
                return await cards.CardAsync(request.Person, directorateId, period, page, Notice.Warning(stale.Message), SignOffCards.SendBackForm.Empty, cancellationToken);
            case Outcome.Refused refused:
                return messages.Refusal("That could not be done", refused.Reason);
            case Outcome.NotAllowed notAllowed:
                return messages.Refusal(notAllowed.Title, notAllowed.Reason);
            default:
                throw new InvalidOperationException($"{outcome} is not an outcome of signing off.");
        }
    }
}
