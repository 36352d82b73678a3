using PmfBot.Bot.Cards;
using PmfBot.Bot.Help;
using PmfBot.Bot.Linking;
using PmfBot.Bot.Ratings;
using PmfBot.Bot.Teams;
using PmfBot.Bot.Teams.Activities;

namespace PmfBot.Bot.Conversation;

public static class ConversationSetup
{
    /// <summary>The chat commands and the card buttons, with the cards they answer with.</summary>
    public static WebApplicationBuilder AddConversation(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCards();
        services.AddScoped<Speaker>();
        services.AddSingleton<KnownSpeakers>();
        services.AddLinking(builder.Configuration);
        services.AddScoped<MessageCards>();
        services.AddScoped<FailureAnswers>();
        services.AddRatings();
        services.AddActivityHandler<MessageActivity, CommandTable>();
        services.AddInvokeHandler<CardActionTable>();
        foreach (var handler in CommandTable.Routes.Select(r => r.Handler).Concat(CardActionTable.Verbs.Values).Distinct())
        {
            services.AddScoped(handler);
        }

        return builder;
    }
}
