using PmfBot.Bot.Conversation;
using PmfBot.Domain.Ratings;
using PmfBot.Scheduler.Cycle;

namespace PmfBot.Bot.Ratings;

/// <summary><c>rating.amend</c>: the chair sets another rating, with the reason.</summary>
public sealed class AmendRatingAction(DecideRating decide, RatingCards cards, MessageCards messages, CycleControl cycle, ILogger<AmendRatingAction> logger)
    : DecideRatingAction(decide, cards, messages, cycle, logger)
{
    protected override DecideRating.Decision DecisionOf(CardActionRequest request) =>
        new DecideRating.Decision.Amend(CardInputs.RagOf(request.Text("amendedRating")), request.Text("reason"));
}
