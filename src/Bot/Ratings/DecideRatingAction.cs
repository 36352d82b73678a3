using System.Text.Json.Nodes;
using PmfBot.Bot.Cards;
using PmfBot.Bot.Conversation;
using PmfBot.Bot.Teams.Connector;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Ratings;
using PmfBot.Scheduler.Cycle;
using Outcome = PmfBot.Domain.CardOutcome<PmfBot.Domain.Ratings.DecideRating.Decided>;

namespace PmfBot.Bot.Ratings;

/// <summary>
/// What the three decisions on the approval card share: parse the card, call <see cref="DecideRating"/>,
/// render its outcome. A decision answers the chair with the decided card and edits the original
/// message with the everyone-view, so everyone who sees the card sees the outcome.
/// </summary>
public abstract class DecideRatingAction(DecideRating decide, RatingCards cards, MessageCards messages, CycleControl cycle, ILogger logger)
    : ICardAction
{
    /// <summary>The decision the card asks for, read from its fields.</summary>
    protected abstract DecideRating.Decision DecisionOf(CardActionRequest request);

    public async Task<JsonNode> HandleAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        var priorityId = request.Id("priorityId");
        if (CardInputs.PeriodOf(request) is not { } period)
        {
            return messages.Refusal("That card is out of date", "PmfBot cannot find the rating this card is about. Ask the performance team for a new one.");
        }

        var decision = DecisionOf(request);
        var outcome = await decide.DecideAsync(
            new DecideRating.Request(request.Person, priorityId, period, CardInputs.SeenVersionOf(request), decision), cancellationToken);
        switch (outcome)
        {
            case Outcome.Saved saved:
                var (forChair, forEveryone) = await cards.DecidedCardsAsync(saved.Value, request.Person, Notice.Good(Done(saved.Value.Rating)), cancellationToken);
                await EditOriginalMessageAsync(request, forEveryone, priorityId, cancellationToken);

                // A rating sent back goes to the lead, and a board's last decision sends its summary: now.
                cycle.TryRunSoon("a chair's decision");
                return forChair;
            case Outcome.Stale stale:
                return await cards.ApprovalCardAsync(priorityId, period, request.Person, Notice.Warning(stale.Message), cancellationToken: cancellationToken);
            case Outcome.Invalid invalid:
                var errors = Errors(invalid, request);
                return await cards.ApprovalCardAsync(
                    priorityId,
                    period,
                    request.Person,
                    Notice.Attention("Nothing was saved: " + string.Join(" ", errors.Values)),
                    new RatingCards.DecisionInput(request.Text("amendedRating"), request.Text("reason"), request.Text("comment"), errors),
                    cancellationToken);
            case Outcome.Refused refused:
                return await cards.ApprovalCardAsync(priorityId, period, request.Person, Notice.Attention(refused.Reason), cancellationToken: cancellationToken);
            case Outcome.NotAllowed notAllowed:
                return messages.Refusal(notAllowed.Title, notAllowed.Reason);
            default:
                throw new InvalidOperationException($"{outcome} is not an outcome of deciding a rating.");
        }
    }

    /// <summary>The field the use case named, and a blank reason beside an unchosen amended rating, so both show at once.</summary>
    private static Dictionary<string, string> Errors(Outcome.Invalid invalid, CardActionRequest request)
    {
        var errors = new Dictionary<string, string> { [invalid.Field] = invalid.Message };
        if (invalid.Field == "amendedRating" && string.IsNullOrWhiteSpace(request.Text("reason")))
        {
            errors.TryAdd("reason", "Say why you are changing the proposed rating.");
        }

        return errors;
    }

    /// <summary>Best effort: the decision is saved whatever happens to the edit of the posted card.</summary>
    private async Task EditOriginalMessageAsync(CardActionRequest request, JsonObject everyone, Guid priorityId, CancellationToken cancellationToken)
    {
        if (request.Activity.ReplyToId is not { Length: > 0 } messageId || request.Activity.Conversation.Id is not { Length: > 0 } conversationId)
        {
            return;
        }

        try
        {
            await request.Connector.UpdateActivityAsync(
                request.Activity.ServiceUrl,
                conversationId,
                messageId,
                OutgoingActivity.FromCard(everyone, "Rating decided") with { Id = messageId },
                cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not update the approval card {ActivityId} for priority {PriorityId}; the decision is saved", messageId, priorityId);
        }
    }

    private static string Done(PriorityRating rating) => rating.State switch
    {
        RatingState.Approved => $"You approved {rating.ProposedRag}. Everyone who sees this card now sees the outcome.",
        RatingState.Amended => $"You amended the rating to {rating.AmendedRag}. Everyone who sees this card now sees the outcome.",
        _ => "You sent the rating back to the lead officer, with your comment.",
    };
}
