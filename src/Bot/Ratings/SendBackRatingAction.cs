using PmfBot.Bot.Conversation;
using PmfBot.Domain.Ratings;
using PmfBot.Scheduler.Cycle;

namespace PmfBot.Bot.Ratings;

/// <summary><c>rating.sendBack</c>: the chair sends the proposal back to the lead officer, with a comment.</summary>
public sealed class SendBackRatingAction(DecideRating decide, RatingCards cards, MessageCards messages, CycleControl cycle, ILogger<SendBackRatingAction> logger)
    : DecideRatingAction(decide, cards, messages, cycle, logger)
{
    protected override DecideRating.Decision DecisionOf(CardActionRequest request) => new DecideRating.Decision.SendBack(request.Text("comment"));
}
