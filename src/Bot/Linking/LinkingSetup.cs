using PmfBot.Bot.Teams;
using PmfBot.Bot.Teams.Activities;
using PmfBot.Domain.Settings;

namespace PmfBot.Bot.Linking;

public static class LinkingSetup
{
    /// <summary>First-contact linking of Teams accounts, and linking board channels from inside them.</summary>
    public static IServiceCollection AddLinking(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<LinkingOptions>(LinkingOptions.Section);
        services.AddSingleton<RecentRefusals>();
        services.AddScoped<UnknownSpeaker>();
        services.AddScoped<FirstContact>();
        services.AddActivityHandler<ConversationUpdateActivity, BotAddedToTeam>();
        return services;
    }
}
