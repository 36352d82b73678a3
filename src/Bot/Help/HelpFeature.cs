using PmfBot.Bot.Conversation;

namespace PmfBot.Bot.Help;

/// <summary>"help": what PmfBot can do for the person asking; also the answer to anything it did not understand.</summary>
public sealed class HelpFeature : IConversationFeature
{
    public void Add(IServiceCollection services) =>
        services.AddCommand<HelpCommand>(new("help", "help", "What I can do for you.", "help", CommandAudience.Everyone));
}
