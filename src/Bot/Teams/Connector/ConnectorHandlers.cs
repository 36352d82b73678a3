using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using PmfBot.Bot.Teams.Configuration;

namespace PmfBot.Bot.Teams.Connector;

/// <summary>What the connector client tells its handlers about a request.</summary>
internal static class ConnectorRequest
{
    /// <summary>The conversation whose send limits apply; absent for reads.</summary>
    public static readonly HttpRequestOptionsKey<string> RateLimitKey = new("PmfBot.Connector.RateLimitKey");

    public static readonly HttpRequestOptionsKey<string> Operation = new("PmfBot.Connector.Operation");

    /// <summary>Set when the current attempt has gone to the wire (after the rate limiter and the token).</summary>
    public static readonly HttpRequestOptionsKey<bool> Dispatched = new("PmfBot.Connector.Dispatched");

    public static bool WasDispatched(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(Dispatched, out var dispatched) && dispatched;
}

/// <summary>
/// Waits for <see cref="ConnectorRateLimiter"/> before every attempt (retries count against Teams' limits too).
/// It sits between the retry handler and the attempt timeout, so waiting for a turn is never mistaken for a
/// request that timed out on the wire.
/// </summary>
internal sealed class ConnectorRateLimitingHandler(ConnectorRateLimiter limiter) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Options.Set(ConnectorRequest.Dispatched, false);
        request.Options.TryGetValue(ConnectorRequest.RateLimitKey, out var key);
        if (!await limiter.AcquireAsync(key, cancellationToken))
        {
            request.Options.TryGetValue(ConnectorRequest.Operation, out var operation);
            throw new ConnectorNotSentException(operation ?? request.Method.Method, "the bot's send-rate queue is full");
        }

        return await base.SendAsync(request, cancellationToken);
    }
}

/// <summary>
/// Adds the bearer token to each attempt. The bot's token goes only over https (plain http is allowed
/// on loopback, for test fakes); in local mode no token is sent at all.
/// </summary>
internal sealed class ConnectorAuthenticationHandler(IConnectorTokenProvider tokens, IOptions<BotOptions> options) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await tokens.GetTokenAsync(cancellationToken);
        if (token is not null)
        {
            if (request.RequestUri is { } uri && uri.Scheme != Uri.UriSchemeHttps && !BotOptionsCheck.IsLoopback(uri))
                throw new InvalidOperationException($"Refusing to send the bot's token over plain http to {uri.GetLeftPart(UriPartial.Authority)}.");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        else if (!options.Value.IsLocalMode)
        {
            throw new ConnectorTokenException("No Bot Connector token is available.");
        }

        request.Options.Set(ConnectorRequest.Dispatched, true);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
            tokens.Invalidate();
        return response;
    }
}
