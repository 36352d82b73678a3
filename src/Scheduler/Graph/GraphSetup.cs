using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Kiota.Authentication.Azure;

using PmfBot.Domain.Settings;

namespace PmfBot.Scheduler.Graph;

public static class GraphSetup
{
    internal const string HttpClientName = "pmf-graph";

    /// <summary>
    /// <see cref="IDirectory"/> on Microsoft Graph when `Graph:TenantId`, `Graph:ClientId` and
    /// `Graph:ClientSecret` are set (client credentials, <see cref="ClientSecretCredential"/>);
    /// otherwise a directory that knows nobody. A <see cref="TokenCredential"/> registered after
    /// this call replaces the client secret credential (tests use a fake one).
    /// </summary>
    public static IServiceCollection AddGraph(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<GraphOptions>(GraphOptions.Section);
        services.AddMemoryCache();
        services.AddScoped<ManagerLookup>();
        // Read now as well: without Graph settings the directory that knows nobody is registered.
        var options = configuration.ReadSettings<GraphOptions>(GraphOptions.Section);
        if (!options.IsConfigured)
        {
            services.TryAddSingleton<IDirectory, NoDirectory>();
            return services;
        }

        services.TryAddSingleton<TokenCredential>(_ => new ClientSecretCredential(options.TenantId, options.ClientId, options.ClientSecret));

        // Graph's own pipeline (retry honouring Retry-After on 429/503/504, redirects,
        // compression) inside a client from the factory.
        services.AddHttpClient(HttpClientName)
            .ConfigureAdditionalHttpMessageHandlers((handlers, _) =>
            {
                foreach (var handler in GraphClientFactory.CreateDefaultHandlers())
                {
                    handlers.Add(handler);
                }
            });
        services.AddScoped<IDirectory>(sp =>
        {
            var settings = sp.GetRequiredService<IOptions<GraphOptions>>().Value;
            var baseUrl = settings.BaseUrl.TrimEnd('/');
            var authentication = new AzureIdentityAuthenticationProvider(
                sp.GetRequiredService<TokenCredential>(),
                allowedHosts: [new Uri(baseUrl).Host],
                scopes: ["https://graph.microsoft.com/.default"]);
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
            return new GraphDirectory(
                new GraphServiceClient(http, authentication, baseUrl),
                sp.GetRequiredService<IMemoryCache>(),
                sp.GetRequiredService<IOptions<GraphOptions>>(),
                sp.GetRequiredService<ILogger<GraphDirectory>>());
        });
        return services;
    }
}
