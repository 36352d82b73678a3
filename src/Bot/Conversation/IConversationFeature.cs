namespace PmfBot.Bot.Conversation;

/// <summary>
/// A feature of the conversation (a folder under src/Bot): it registers its own chat commands,
/// card buttons, paged cards and the services they need, with <see cref="ConversationRegistration"/>.
/// <see cref="ConversationSetup.AddConversation"/> adds every feature in this assembly, so a new
/// feature is a folder with one such class and touches nothing outside it.
/// </summary>
public interface IConversationFeature
{
    void Add(IServiceCollection services);
}
