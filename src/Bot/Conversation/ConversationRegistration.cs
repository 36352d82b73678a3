using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PmfBot.Bot.Conversation;

/// <summary>What a feature registers: the command and card-button tables are built from these.</summary>
public static class ConversationRegistration
{
    /// <summary>A chat command: the words that start it, its handler, and its line in help.</summary>
    public static IServiceCollection AddCommand<THandler>(this IServiceCollection services, CommandHelp help)
        where THandler : class, ICommand
    {
        services.TryAddScoped<THandler>();
        services.AddSingleton(new CommandRoute(help.Words, typeof(THandler), help));
        return services;
    }

    /// <summary>Card buttons (Universal Actions verbs) answered by one handler each.</summary>
    public static IServiceCollection AddCardAction<THandler>(this IServiceCollection services, params string[] verbs)
        where THandler : class, ICardAction
    {
        services.TryAddScoped<THandler>();
        foreach (var verb in verbs)
        {
            services.AddSingleton(new CardVerb(verb, typeof(THandler)));
        }

        return services;
    }

    /// <summary>A card that Previous/Next (<c>card.page</c>) rebuilds at another page, by its <c>cardKind</c>.</summary>
    public static IServiceCollection AddPagedCard(this IServiceCollection services, string kind, PagedCard.Builder build) =>
        services.AddSingleton(new PagedCard(kind, build));
}

/// <param name="Words">What a person types, lower case ("my returns").</param>
/// <param name="Audience">Where help lists the command.</param>
public sealed record CommandHelp(string Words, string Usage, string Description, string Example, CommandAudience Audience);

/// <summary>Help lists commands by audience, in this order, then alphabetically.</summary>
public enum CommandAudience
{
    Everyone,
    Yours,
    Lookup,
    PerformanceTeam,

    /// <summary>Listed in help only when the local demo's clock is running.</summary>
    LocalDemo,
}

public sealed record CommandRoute(string Words, Type Handler, CommandHelp Help)
{
    public string Usage => Help.Usage;

    public string Description => Help.Description;

    public string Example => Help.Example;

    public bool LocalDemoOnly => Help.Audience == CommandAudience.LocalDemo;
}

public sealed record CardVerb(string Verb, Type Handler);

public sealed record PagedCard(string Kind, PagedCard.Builder Build)
{
    public delegate Task<System.Text.Json.Nodes.JsonNode> Builder(IServiceProvider services, CardActionRequest request, int page, CancellationToken cancellationToken);
}
