using PmfBot.Bot.Conversation;

namespace PmfBot.Bot.Exceptions;

/// <summary>The indicators that need attention, for one board or all.</summary>
public sealed class ExceptionsFeature : IConversationFeature
{
    public void Add(IServiceCollection services)
    {
        services.AddCommand<ExceptionsCard>(new("exceptions", "exceptions [board]", "Indicators that need attention, for one board or all.", "exceptions health and wellbeing", CommandAudience.Lookup));
        services.AddCardAction<ExceptionsCard>("exceptions.show");
        services.AddPagedCard(ExceptionsCard.Kind, async (s, r, page, ct) => await s.GetRequiredService<ExceptionsCard>().ShowAsync(r, page, ct));
    }
}
