using PmfBot.Bot.Conversation;

namespace PmfBot.Bot.Summaries;

/// <summary>A board's quarterly summary, opened from another card.</summary>
public sealed class SummariesFeature : IConversationFeature
{
    public void Add(IServiceCollection services) => services.AddCardAction<SummaryCards>("board.show");
}
