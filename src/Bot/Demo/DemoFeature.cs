using PmfBot.Bot.Conversation;

namespace PmfBot.Bot.Demo;

/// <summary>"demo": the local demo's clock, moved to the cycle's next milestone.</summary>
public sealed class DemoFeature : IConversationFeature
{
    public void Add(IServiceCollection services) =>
        services.AddCommand<DemoCommand>(new("demo", "demo [next]", "Local demo only: where the demo clock is; move it to the cycle's next milestone.", "demo next", CommandAudience.LocalDemo));
}
