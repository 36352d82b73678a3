namespace PmfBot.Bot.Conversation;

/// <summary>Previous/Next on every paged card (<c>card.page</c>); each feature registers how its cards are rebuilt.</summary>
public sealed class CardPagingFeature : IConversationFeature
{
    public void Add(IServiceCollection services) => services.AddCardAction<CardPageAction>("card.page");
}
