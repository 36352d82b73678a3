using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PmfBot.Bot.Cards;
using PmfBot.Bot.Conversation;
using PmfBot.Domain;
using PmfBot.Domain.Ratings;
using PmfBot.Domain.Storage;
using PmfBot.Scheduler.Cycle;
using PmfBot.Bot.Teams.Connector;

namespace PmfBot.Bot.Ratings;

/// <summary>
/// <c>rating.approve</c>, <c>rating.amend</c> and <c>rating.sendBack</c>: the board chair decides.
/// Answers the chair with the decided card and edits the original message with the
/// everyone-view, so everyone who sees the card sees the outcome.
/// </summary>
public sealed class DecideRatingAction(
    PmfDbContext db, DecideRating decide, RatingCards cards, MessageCards messages, CycleControl cycle, ILogger<DecideRatingAction> logger)
    : ICardAction
{
    public const string ApproveVerb = "rating.approve";
    public const string AmendVerb = "rating.amend";
    public const string SendBackVerb = "rating.sendBack";

    public async Task<JsonNode> HandleAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        var priorityId = request.Id("priorityId");
        var priority = await db.Priorities.AsNoTracking().SingleOrDefaultAsync(p => p.Id == priorityId, cancellationToken);
        if (priority is null || CardInputs.PeriodOf(request) is not { } period)
        {
            return messages.Refusal("That card is out of date", "PmfBot cannot find the rating this card is about. Ask the performance team for a new one.");
        }

        var rating = await db.Ratings.AsNoTracking().SingleOrDefaultAsync(r => r.PriorityId == priorityId && r.Period == period, cancellationToken);
        if (rating is null)
        {
            return messages.Refusal("There is nothing to decide yet", $"There is no proposed rating for {priority.Code} for {period.Label} yet.");
        }

        var board = await db.Boards.AsNoTracking().SingleAsync(b => b.Id == priority.BoardId, cancellationToken);
        if (board.ChairId != request.Person.Id)
        {
            return messages.Refusal(
                $"You cannot {What(request.Verb)} this rating",
                $"Only the chair of {board.Name} can decide the rating for {priority.Code}.");
        }

        if (rating.Version != CardInputs.VersionOf(request))
        {
            return await cards.ApprovalCardAsync(priorityId, period, request.Person, Notice.Warning(StaleNotice(rating)), cancellationToken: cancellationToken);
        }

        var amendedRating = request.Text("amendedRating");
        var reason = request.Text("reason");
        var comment = request.Text("comment");
        var errors = new Dictionary<string, string>();
        DecideRating.Decision? decision = request.Verb switch
        {
            _ when string.Equals(request.Verb, AmendVerb, StringComparison.OrdinalIgnoreCase) => CardInputs.RagOf(amendedRating) is { } rag
                ? new DecideRating.Decision.Amend(rag, reason)
                : null,
            _ when string.Equals(request.Verb, SendBackVerb, StringComparison.OrdinalIgnoreCase) => new DecideRating.Decision.SendBack(comment),
            _ => new DecideRating.Decision.Approve(),
        };
        if (decision is null)
        {
            errors["amendedRating"] = "Choose the rating the board agrees: green, amber or red.";
            if (string.IsNullOrWhiteSpace(reason))
            {
                errors["reason"] = "Say why you are changing the proposed rating.";
            }
        }
        else
        {
            try
            {
                var decided = await decide.HandleAsync(new DecideRating.Command(request.Person.Id, rating.Id, decision), cancellationToken);
                await EditOriginalMessageAsync(request, priorityId, period, cancellationToken);

                // A rating sent back goes to the lead, and a board's last decision sends its summary: now.
                cycle.TryRunSoon("a chair's decision");
                return await cards.ApprovalCardAsync(priorityId, period, request.Person, Notice.Good(Done(decided)), cancellationToken: cancellationToken);
            }
            catch (PmfRuleException refused) when (refused.Field is { Length: > 0 } field)
            {
                errors[field] = refused.Message;
            }
            catch (PmfRuleException refused)
            {
                db.ChangeTracker.Clear();
                return await cards.ApprovalCardAsync(priorityId, period, request.Person, Notice.Attention(refused.Message), cancellationToken: cancellationToken);
            }
        }

        db.ChangeTracker.Clear();
        return await cards.ApprovalCardAsync(
            priorityId,
            period,
            request.Person,
            Notice.Attention("Nothing was saved: " + string.Join(" ", errors.Values)),
            new RatingCards.DecisionInput(amendedRating, reason, comment, errors),
            cancellationToken);
    }

    /// <summary>Best effort: the decision is saved whatever happens to the edit of the posted card.</summary>
    private async Task EditOriginalMessageAsync(CardActionRequest request, Guid priorityId, Domain.Calendar.Period period, CancellationToken cancellationToken)
    {
        if (request.Activity.ReplyToId is not { Length: > 0 } messageId || request.Activity.Conversation.Id is not { Length: > 0 } conversationId)
        {
            return;
        }

        try
        {
            var everyone = await cards.ApprovalCardAsync(priorityId, period, viewer: null, cancellationToken: cancellationToken);
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

    private static string What(string verb) =>
        string.Equals(verb, AmendVerb, StringComparison.OrdinalIgnoreCase) ? "amend"
        : string.Equals(verb, SendBackVerb, StringComparison.OrdinalIgnoreCase) ? "send back" : "approve";

    private static string Done(PriorityRating rating) => rating.State switch
    {
        RatingState.Approved => $"You approved {rating.ProposedRag}. Everyone who sees this card now sees the outcome.",
        RatingState.Amended => $"You amended the rating to {rating.AmendedRag}. Everyone who sees this card now sees the outcome.",
        _ => "You sent the rating back to the lead officer, with your comment.",
    };

    private static string StaleNotice(PriorityRating rating) => rating.State switch
    {
        RatingState.Approved or RatingState.Amended or RatingState.SentBack =>
            $"This rating was already {(rating.State == RatingState.SentBack ? "sent back" : rating.State.ToString().ToLowerInvariant())}; here is the outcome. Nothing was changed.",
        _ => StaleCard.Message,
    };
}
