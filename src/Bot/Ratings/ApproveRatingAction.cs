using PmfBot.Bot.Conversation;
using PmfBot.Domain.Ratings;
using PmfBot.Scheduler.Cycle;

namespace PmfBot.Bot.Ratings;

/// <summary><c>rating.approve</c>: the chair approves the proposed rating.</summary>
public sealed class ApproveRatingAction(DecideRating decide, RatingCards cards, MessageCards messages, CycleControl cycle, ILogger<ApproveRatingAction> logger)
    : DecideRatingAction(decide, cards, messages, cycle, logger)
{
    protected override DecideRating.Decision DecisionOf(CardActionRequest request) => new DecideRating.Decision.Approve();
}
