using PmfBot.Bot.BoardActions;
using PmfBot.Bot.SelfAssessments;

namespace PmfBot.Bot.Ratings;

public static class RatingsSetup
{
    /// <summary>The card builders for ratings, board actions and self assessments (the card buttons register themselves).</summary>
    public static IServiceCollection AddRatings(this IServiceCollection services)
    {
        services.AddScoped<RatingCards>();
        services.AddScoped<ActionProgressCard>();
        services.AddScoped<SelfAssessmentCard>();
        return services;
    }
}
