using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using PmfBot.Bot.Teams.Configuration;

namespace PmfBot.Bot.Teams.Connector;

/// <summary>Bearer tokens for calls to the Bot Connector.</summary>
public interface IConnectorTokenProvider
{
    /// <summary>A token for <c>https://api.botframework.com/.default</c>, or null in local mode (no app id).</summary>
    ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken);

    /// <summary>Forget the cached token (the connector answered 401).</summary>
    void Invalidate();
}

/// <summary>
/// OAuth 2.0 client credentials against Entra (the Bot Connector authentication doc, "bot to connector"):
/// one request at a time, the token cached until <see cref="ConnectorOptions.TokenRefreshMargin"/> before
/// it expires. Neither the secret nor the token is ever logged.
/// </summary>
internal sealed class ClientCredentialsTokenProvider(
    IHttpClientFactory httpClientFactory,
    IOptions<BotOptions> options,
    TimeProvider time,
    ILogger<ClientCredentialsTokenProvider> logger) : IConnectorTokenProvider
{
    public const string Scope = "https://api.botframework.com/.default";
    public const string HttpClientName = "BotConnectorToken";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private CachedToken? _cached;

    public async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        var bot = options.Value;
        if (bot.IsLocalMode)
            return null;

        if (Fresh(_cached) is { } token)
            return token;

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(_cached) is { } raced)
                return raced;
            _cached = await RequestAsync(bot, cancellationToken);
            return _cached.Value;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate() => _cached = null;

    private string? Fresh(CachedToken? cached) =>
        cached is not null && time.GetUtcNow() < cached.RenewAt ? cached.Value : null;

    private async Task<CachedToken> RequestAsync(BotOptions bot, CancellationToken cancellationToken)
    {
        var endpoint = bot.EffectiveTokenEndpoint;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = bot.AppId!,
            ["client_secret"] = bot.AppPassword!,
            ["scope"] = Scope,
        });

        HttpResponseMessage response;
        try
        {
            response = await httpClientFactory.CreateClient(HttpClientName).PostAsync(endpoint, form, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new ConnectorTokenException($"Could not reach the token endpoint {endpoint.GetLeftPart(UriPartial.Authority)}.", ex);
        }

        using (response)
        {
            TokenResponse? body = null;
            try
            {
                body = await response.Content.ReadFromJsonAsync(ConnectorJsonContext.Default.TokenResponse, cancellationToken);
            }
            catch (System.Text.Json.JsonException)
            {
                // reported below without the body: it may echo request details
            }

            if (!response.IsSuccessStatusCode || string.IsNullOrEmpty(body?.AccessToken))
            {
                logger.LogError("Token request for app {AppId} failed: {Status} {Error}", bot.AppId, (int)response.StatusCode, body?.Error);
                throw new ConnectorTokenException($"The token endpoint refused the bot's credentials: {(int)response.StatusCode} {body?.Error}.");
            }

            var lifetime = TimeSpan.FromSeconds(Math.Max(0, body.ExpiresIn ?? 0));
            var margin = bot.Connector.TokenRefreshMargin < lifetime ? bot.Connector.TokenRefreshMargin : lifetime / 2;
            logger.LogInformation("Bot Connector token obtained for app {AppId}, valid {Seconds} s", bot.AppId, (int)lifetime.TotalSeconds);
            return new CachedToken(body.AccessToken, time.GetUtcNow() + lifetime - margin);
        }
    }

    private sealed record CachedToken(string Value, DateTimeOffset RenewAt);
}
