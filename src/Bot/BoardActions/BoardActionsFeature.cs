using PmfBot.Bot.Conversation;

namespace PmfBot.Bot.BoardActions;

/// <summary>Board actions: their owners report progress, and a board adds one from its summary.</summary>
public sealed class BoardActionsFeature : IConversationFeature
{
    public void Add(IServiceCollection services)
    {
        services.AddScoped<ActionProgressCard>();
        services.AddCommand<MyActionsCommand>(new("my actions", "my actions", "Report progress on the open board actions you own.", "my actions", CommandAudience.Yours));
        services.AddCardAction<RecordProgressAction>("action.progress");
        services.AddCardAction<AddActionFromSummary>("action.add");
        services.AddPagedCard(ActionProgressCard.Kind, (s, r, page, ct) => s.GetRequiredService<MyActionsCommand>().PageAsync(r, page, ct));
    }
}
