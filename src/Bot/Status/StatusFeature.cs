using PmfBot.Bot.Conversation;

namespace PmfBot.Bot.Status;

/// <summary>A priority's status and an indicator's trend, asked for in chat or from another card.</summary>
public sealed class StatusFeature : IConversationFeature
{
    public void Add(IServiceCollection services)
    {
        services.AddCommand<StatusCard>(new("status", "status <priority>", "A priority's rating, indicators, actions and risks.", "status HW1", CommandAudience.Lookup));
        services.AddCommand<HistoryCard>(new("trend", "trend <indicator>", "An indicator's values, ratings and every change.", "trend NI 154", CommandAudience.Lookup));
        services.AddCardAction<StatusCard>("status.show");
        services.AddCardAction<HistoryCard>("indicator.history");
        services.AddPagedCard(StatusCard.Kind, (s, r, page, ct) => s.GetRequiredService<StatusCard>().ShowAsync(r, page, ct));
        services.AddPagedCard(HistoryCard.Kind, async (s, r, page, ct) => await s.GetRequiredService<HistoryCard>().ShowAsync(r, page, ct));
    }
}
