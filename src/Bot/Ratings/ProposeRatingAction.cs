using System.Text.Json.Nodes;
using PmfBot.Bot.Cards;
using PmfBot.Bot.Conversation;
using PmfBot.Domain.Ratings;
using PmfBot.Scheduler.Cycle;
using Outcome = PmfBot.Domain.CardOutcome<PmfBot.Domain.Ratings.ProposeRating.Proposed>;

namespace PmfBot.Bot.Ratings;

/// <summary><c>rating.propose</c>: the lead officer proposes (or changes) the priority's overall rating.</summary>
public sealed class ProposeRatingAction(ProposeRating propose, RatingCards cards, MessageCards messages, CycleControl cycle) : ICardAction
{
    public async Task<JsonNode> HandleAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        var priorityId = request.Id("priorityId");
        if (CardInputs.PeriodOf(request) is not { } period)
        {
            return messages.Refusal("That card is out of date", "PmfBot cannot find the priority this card is about. Ask the performance team for a new one.");
        }

        var ratingText = request.Text("rating");
        var summary = request.Text("summary");
        var outcome = await propose.ProposeAsync(
            new ProposeRating.Request(request.Person, priorityId, period, CardInputs.SeenVersionOf(request), CardInputs.RagOf(ratingText), summary), cancellationToken);
        switch (outcome)
        {
            case Outcome.Saved saved:
                // The chair's approval card goes out now rather than at the cycle's next quarter-hour.
                cycle.TryRunSoon("a rating proposal");
                return await cards.ProposalCardAsync(
                    priorityId,
                    period,
                    request.Person,
                    Notice.Good($"Your proposal of {saved.Value.Rating.ProposedRag} was saved at {CardText.Time(saved.At)}. It now waits for the chair, {saved.Value.ChairName}."),
                    cancellationToken: cancellationToken);
            case Outcome.Stale stale:
                return await cards.ProposalCardAsync(priorityId, period, request.Person, Notice.Warning(stale.Message), cancellationToken: cancellationToken);
            case Outcome.Invalid invalid:
                var errors = new Dictionary<string, string> { [invalid.Field] = invalid.Message };
                if (string.IsNullOrWhiteSpace(summary))
                {
                    errors.TryAdd("summary", "Write a short summary of progress to go with the rating.");
                }

                return await cards.ProposalCardAsync(
                    priorityId,
                    period,
                    request.Person,
                    Notice.Attention("Nothing was saved: please check the fields marked below."),
                    new RatingCards.ProposalInput(ratingText, summary, errors),
                    cancellationToken);
            case Outcome.Refused refused:
                return await cards.ProposalCardAsync(priorityId, period, request.Person, Notice.Attention(refused.Reason), cancellationToken: cancellationToken);
            case Outcome.NotAllowed notAllowed:
                return messages.Refusal(notAllowed.Title, notAllowed.Reason);
            default:
                throw new InvalidOperationException($"{outcome} is not an outcome of proposing a rating.");
        }
    }
}
