using System.Text.Json.Nodes;
using PmfBot.Bot.Cards;
using PmfBot.Bot.Conversation;
using PmfBot.Domain.Returns;
using Outcome = PmfBot.Domain.CardOutcome<PmfBot.Domain.Returns.SignOffReturns.SentBack>;

namespace PmfBot.Bot.Returns;

/// <summary><c>signoff.sendBack</c>: the directorate's performance lead sends one return back to its owner, with a comment.</summary>
public sealed class SendBackReturnAction(SignOffReturns signOff, SignOffCards cards, MessageCards messages, ILogger<SendBackReturnAction> logger) : ICardAction
{
    public async Task<JsonNode> HandleAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        var directorateId = request.Id("directorateId");
        if (SignOffOriginal.PeriodOf(request) is not { } period)
        {
            return messages.Refusal("That could not be done", SignOffOriginal.NoPeriod);
        }

        var page = request.Number("page", 1);
        var returnId = request.Text("sendBackReturnId");
        var comment = request.Text("sendBackComment");
        var outcome = await signOff.SendBackAsync(
            new SignOffReturns.SendBackRequest(
                new SignOffReturns.Request(request.Person, directorateId, period, request.Text("version")),
                Guid.TryParse(returnId, out var id) ? id : null,
                comment),
            cancellationToken);
        switch (outcome)
        {
            case Outcome.Saved saved:
                var card = await cards.CardAsync(
                    request.Person, directorateId, period, page,
                    Notice.Good($"{saved.Value.Return.Indicator.Code} was sent back with your comment. Its owner will see it on their return card; PmfBot sends them the card with the next reminder."),
                    SignOffCards.SendBackForm.Empty, cancellationToken);
                await SignOffOriginal.UpdateAsync(request, card, logger, cancellationToken);
                return card;
            case Outcome.Stale stale:
                return await cards.CardAsync(request.Person, directorateId, period, page, Notice.Warning(stale.Message), SignOffCards.SendBackForm.Empty, cancellationToken);
            case Outcome.Invalid invalid:
                // Both fields' problems at once: the one the use case named, and the comment's own.
                var form = new SignOffCards.SendBackForm(
                    returnId,
                    comment,
                    invalid.Field == "sendBackReturnId" ? invalid.Message : "",
                    invalid.Field == "comment" ? invalid.Message : SignOffReturns.CommentProblem(comment) ?? "");
                return await cards.CardAsync(request.Person, directorateId, period, page, Notice.Attention("Nothing was sent back: see below."), form, cancellationToken);
            case Outcome.Refused refused:
                return messages.Refusal("That could not be done", refused.Reason);
            case Outcome.NotAllowed notAllowed:
                return messages.Refusal(notAllowed.Title, notAllowed.Reason);
            default:
                throw new InvalidOperationException($"{outcome} is not an outcome of sending a return back.");
        }
    }
}
