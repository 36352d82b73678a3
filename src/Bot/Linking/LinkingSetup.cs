using PmfBot.Bot.Teams;
using PmfBot.Bot.Teams.Activities;

namespace PmfBot.Bot.Linking;

public static class LinkingSetup
{
    /// <summary>First-contact linking of Teams accounts, and linking board channels from inside them.</summary>
    public static IServiceCollection AddPmfLinking(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LinkingOptions>().Bind(configuration.GetSection(LinkingOptions.Section));
        services.AddSingleton<RecentRefusals>();
        services.AddScoped<UnknownSpeaker>();
        services.AddScoped<FirstContact>();
        services.AddActivityHandler<ConversationUpdateActivity, BotAddedToTeam>();
        return services;
    }
}
