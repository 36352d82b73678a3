using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using PmfBot.Bot.Teams.Configuration;

namespace PmfBot.Bot.Teams.Authentication;

/// <summary>
/// The Bot Connector's signing keys, read from its OpenID metadata and the <c>jwks_uri</c> it names, with
/// each key's <c>endorsements</c>. Cached for <see cref="BotOptions.SigningKeysRefreshInterval"/> and
/// refetched at once when a token names a key id the cache does not know (at most once per
/// <see cref="BotOptions.SigningKeysMinimumRefreshInterval"/>, so forged key ids cannot hammer the endpoint).
/// <para>
/// Why not IdentityModel's ConfigurationManager: since 8.0 it refreshes in the background and returns the
/// stale keys to the request that asked for the refresh, so the first token signed with a rotated key would
/// be refused. This class uses the same retriever and document parsing, and refreshes in line.
/// </para>
/// </summary>
public sealed class BotConnectorSigningKeys(
    IHttpClientFactory httpClientFactory,
    IOptions<BotOptions> options,
    TimeProvider time,
    ILogger<BotConnectorSigningKeys> logger)
{
    public const string HttpClientName = "BotConnectorOpenIdMetadata";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private KeySet? _current;
    private DateTimeOffset _lastForcedRefresh = DateTimeOffset.MinValue;

    /// <summary>The keys; when <paramref name="keyId"/> is not among them, refetched once if allowed.</summary>
    public async Task<IReadOnlyList<JsonWebKey>> GetKeysAsync(string? keyId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var current = _current;
        if (current is not null && now < current.ExpiresAt && (keyId is null || current.Contains(keyId)))
            return current.Keys;

        await _gate.WaitAsync(cancellationToken);
        try
        {
            current = _current;
            var expired = current is null || now >= current.ExpiresAt;
            var unknownKey = keyId is not null && current is not null && !current.Contains(keyId);
            var mayForce = now - _lastForcedRefresh >= options.Value.SigningKeysMinimumRefreshInterval;

            if (expired || (unknownKey && mayForce))
            {
                if (unknownKey && !expired)
                {
                    _lastForcedRefresh = now;
                    logger.LogInformation("Token names signing key {KeyId}, not in the cached set: refetching the Bot Connector keys", keyId);
                }

                try
                {
                    _current = current = await FetchAsync(cancellationToken);
                }
                catch (Exception ex) when (current is not null && ex is not OperationCanceledException)
                {
                    // Stale keys are better than none; try again in a minute.
                    logger.LogWarning(ex, "Refetching the Bot Connector signing keys failed; keeping the {Count} cached keys", current.Keys.Count);
                    _current = current = current with { ExpiresAt = now + TimeSpan.FromMinutes(1) };
                }
            }

            return current!.Keys;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<KeySet> FetchAsync(CancellationToken cancellationToken)
    {
        var bot = options.Value;
        var metadataUrl = new Uri(bot.OpenIdMetadataUrl);
        var retriever = new HttpDocumentRetriever(httpClientFactory.CreateClient(HttpClientName))
        {
            RequireHttps = !BotOptionsCheck.IsLoopback(metadataUrl),
        };
        var configuration = await OpenIdConnectConfigurationRetriever.GetAsync(bot.OpenIdMetadataUrl, retriever, cancellationToken);
        var keys = configuration.JsonWebKeySet?.Keys
            .Where(k => string.IsNullOrEmpty(k.Use) || k.Use == JsonWebKeyUseNames.Sig)
            .ToList() ?? [];
        logger.LogInformation("Fetched {Count} Bot Connector signing keys from {MetadataUrl}", keys.Count, bot.OpenIdMetadataUrl);
        return new KeySet(keys, time.GetUtcNow() + bot.SigningKeysRefreshInterval);
    }

    private sealed record KeySet(IReadOnlyList<JsonWebKey> Keys, DateTimeOffset ExpiresAt)
    {
        public bool Contains(string keyId) => Keys.Any(k => string.Equals(k.Kid, keyId, StringComparison.Ordinal));
    }
}
