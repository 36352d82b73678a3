using PmfBot.Bot.Conversation;

namespace PmfBot.Bot.Ratings;

/// <summary>Lead officers propose a priority's rating; board chairs approve, amend or send it back.</summary>
public sealed class RatingsFeature : IConversationFeature
{
    public void Add(IServiceCollection services)
    {
        services.AddScoped<RatingCards>();
        services.AddCardAction<ProposeRatingAction>("rating.propose");
        services.AddCardAction<ApproveRatingAction>("rating.approve");
        services.AddCardAction<AmendRatingAction>("rating.amend");
        services.AddCardAction<SendBackRatingAction>("rating.sendBack");
        services.AddCardAction<RefreshApprovalAction>("card.refresh");
    }
}
