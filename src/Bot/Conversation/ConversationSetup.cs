using PmfBot.Bot.Cards;
using PmfBot.Bot.Teams;
using PmfBot.Bot.Teams.Activities;

namespace PmfBot.Bot.Conversation;

public static class ConversationSetup
{
    /// <summary>
    /// The chat commands and the card buttons: every <see cref="IConversationFeature"/> in this
    /// assembly registers its own, and the command and card-button tables are built from them.
    /// </summary>
    public static WebApplicationBuilder AddConversation(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCards();
        services.AddScoped<Speaker>();
        services.AddSingleton<KnownSpeakers>();
        services.AddScoped<MessageCards>();
        services.AddScoped<FailureAnswers>();
        services.AddActivityHandler<MessageActivity, CommandTable>();
        services.AddInvokeHandler<CardActionTable>(InvokeActivity.AdaptiveCardActionName);
        services.AddSingleton<CommandRoutes>();
        services.AddSingleton<CardVerbs>();
        foreach (var feature in Features())
        {
            feature.Add(services);
        }

        return builder;
    }

    /// <summary>The features, in a fixed order (by name) so that registrations do not depend on reflection's order.</summary>
    public static IEnumerable<IConversationFeature> Features() =>
        typeof(ConversationSetup).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(IConversationFeature)))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (IConversationFeature)Activator.CreateInstance(t)!);
}
