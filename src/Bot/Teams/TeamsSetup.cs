using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PmfBot.Bot.Teams.Activities;
using PmfBot.Bot.Teams.Authentication;
using PmfBot.Bot.Teams.Configuration;
using PmfBot.Bot.Teams.Connector;
using PmfBot.Bot.Teams.Messaging;
using PmfBot.Bot.Telemetry;
using PmfBot.Domain.Settings;

namespace PmfBot.Bot.Teams;

/// <summary>Composition of the Teams protocol island: <c>builder.AddTeams()</c> and <c>app.MapTeams()</c>.</summary>
public static class TeamsSetup
{
    /// <summary>Needs AddStorage and AddDomain first: inbound activities are recorded as conversation references.</summary>
    public static WebApplicationBuilder AddTeams(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        services.AddSettings<BotOptions>(BotOptions.SectionName);
        services.AddHostedService<LocalModeGuard>();
        services.AddMetrics();
        services.TryAddSingleton<BotMetrics>();

        // Inbound
        services.AddHttpClient(BotConnectorSigningKeys.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<BotConnectorSigningKeys>();
        services.TryAddSingleton(new TokenClock(TimeProvider.System));
        services.AddSingleton<BotConnectorAuthenticator>();
        services.AddSingleton<ActivityQueue>();
        services.AddSingleton<ActivityRouter>();
        services.AddSingleton<MessagesEndpoint>();
        services.AddHostedService<ActivityQueueWorker>();
        services.AddTransient<EchoMessageHandler>();
        services.AddInboundActivityObserver<ConversationReferenceRecorder>();

        // Outbound
        services.AddSingleton<ConnectorRateLimiter>();
        services.AddSingleton<BlockedConversationRecorder>();
        services.AddHttpClient(ClientCredentialsTokenProvider.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30))
            .RedactLoggedHeaders(_ => true);
        services.AddSingleton<IConnectorTokenProvider, ClientCredentialsTokenProvider>();
        services.AddTransient<ConnectorRateLimitingHandler>();
        services.AddTransient<ConnectorAuthenticationHandler>();
        services.AddTransient<ThrottleCountingHandler>();

        // Outermost first: total timeout and retries; the rate limiter; each attempt's timeout; the token; counting 429s.
        var connector = services.AddHttpClient<IConnectorClient, ConnectorClient>(c => c.Timeout = Timeout.InfiniteTimeSpan)
            .RedactLoggedHeaders(_ => true);
        connector.AddResilienceHandler("bot-connector-retry", (pipeline, context) =>
            ConnectorResilience.ConfigureRetries(pipeline, context.ServiceProvider.GetRequiredService<IOptions<BotOptions>>().Value.Connector));
        connector.AddHttpMessageHandler<ConnectorRateLimitingHandler>();
        connector.AddResilienceHandler("bot-connector-attempt", (pipeline, context) =>
            ConnectorResilience.ConfigureAttempt(pipeline, context.ServiceProvider.GetRequiredService<IOptions<BotOptions>>().Value.Connector));
        connector.AddHttpMessageHandler<ConnectorAuthenticationHandler>();
        connector.AddHttpMessageHandler<ThrottleCountingHandler>();

        return builder;
    }

    public static IEndpointRouteBuilder MapTeams(this IEndpointRouteBuilder app)
    {
        app.MapPost(MessagesEndpoint.Route, (HttpContext http, MessagesEndpoint endpoint) => endpoint.HandleAsync(http))
            .DisableAntiforgery();
        return app;
    }

    /// <summary>Adds a handler for one kind of non-invoke activity; all handlers of a kind run in order.</summary>
    public static IServiceCollection AddActivityHandler<TActivity, THandler>(this IServiceCollection services)
        where TActivity : Activity
        where THandler : class, IActivityHandler<TActivity>
    {
        services.AddScoped<IActivityHandler<TActivity>, THandler>();
        return services;
    }

    /// <summary>Adds the handler of one invoke name (e.g. <c>adaptiveCard/action</c>); the last registration of a name wins.</summary>
    public static IServiceCollection AddInvokeHandler<THandler>(this IServiceCollection services, string name)
        where THandler : class, IInvokeHandler
    {
        services.AddScoped<THandler>();
        services.AddSingleton(new InvokeRoute(name, typeof(THandler)));
        return services;
    }

    /// <summary>Adds an observer that sees every accepted inbound activity.</summary>
    public static IServiceCollection AddInboundActivityObserver<TObserver>(this IServiceCollection services)
        where TObserver : class, IInboundActivityObserver
    {
        services.AddScoped<IInboundActivityObserver, TObserver>();
        return services;
    }
}
