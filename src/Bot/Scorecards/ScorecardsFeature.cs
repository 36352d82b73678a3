using PmfBot.Bot.Conversation;

namespace PmfBot.Bot.Scorecards;

/// <summary>A directorate's scorecard: its priorities, key indicators and self assessment.</summary>
public sealed class ScorecardsFeature : IConversationFeature
{
    public void Add(IServiceCollection services)
    {
        services.AddCommand<ScorecardCard>(new("scorecard", "scorecard <directorate>", "A directorate's priorities, key indicators and self assessment.", "scorecard adults and health", CommandAudience.Lookup));
        services.AddCardAction<ScorecardCard>("scorecard.show");
        services.AddPagedCard(ScorecardCard.Kind, async (s, r, page, ct) => await s.GetRequiredService<ScorecardCard>().ShowAsync(r, page, ct));
    }
}
