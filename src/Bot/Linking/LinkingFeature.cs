using PmfBot.Bot.Conversation;
using PmfBot.Bot.Teams;
using PmfBot.Bot.Teams.Activities;
using PmfBot.Domain.Settings;

namespace PmfBot.Bot.Linking;

/// <summary>First-contact linking of Teams accounts, and linking board channels from inside them.</summary>
public sealed class LinkingFeature : IConversationFeature
{
    public void Add(IServiceCollection services)
    {
        services.AddSettings<LinkingOptions>(LinkingOptions.Section);
        services.AddSingleton<RecentRefusals>();
        services.AddScoped<UnknownSpeaker>();
        services.AddScoped<FirstContact>();
        services.AddActivityHandler<ConversationUpdateActivity, BotAddedToTeam>();
        services.AddCommand<LinkBoardCommand>(new("link board", "link board <board>", "Performance team, in a board's channel: post that board's summaries here.", "link board health and wellbeing", CommandAudience.PerformanceTeam));
    }
}
