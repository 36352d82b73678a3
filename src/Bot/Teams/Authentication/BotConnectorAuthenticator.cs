using System.Collections;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PmfBot.Bot.Teams.Activities;
using PmfBot.Bot.Teams.Configuration;

namespace PmfBot.Bot.Teams.Authentication;

/// <summary>A validated Bot Connector token: its claims and the key that signed it.</summary>
public sealed record BotConnectorIdentity(ClaimsIdentity Claims, IReadOnlyList<string> ServiceUrls, IReadOnlyList<string> Endorsements);

/// <summary>The outcome of a check: success, or a reason that is logged (never returned to the caller).</summary>
public sealed record AuthenticationOutcome(BotConnectorIdentity? Identity, string? FailureReason)
{
    public bool Succeeded => FailureReason is null;

    public static AuthenticationOutcome Fail(string reason) => new(null, reason);
}

/// <summary>
/// Checks a request from the Bot Connector as its authentication doc ("Connector to Bot") requires:
/// a bearer JWT; issuer <c>https://api.botframework.com</c>; audience the bot's app id; within its validity
/// period with 5 minutes skew; signed RS256 by a key from the OpenID metadata's key set; a <c>serviceUrl</c>
/// claim equal to the activity's serviceUrl; the signing key endorsed for the activity's channelId.
/// The first five are checked before the body is read; the last two need the parsed activity.
/// <para>
/// The Connector sends the same token with every activity for about an hour, so a token that passed is
/// remembered until it expires: the signature is checked once, not on every request. A remembered token
/// still fails once its key leaves the Connector's key set or its lifetime ends. Only tokens that passed
/// every check are remembered, so forged ones cannot fill the memory.
/// </para>
/// </summary>
public sealed class BotConnectorAuthenticator(BotConnectorSigningKeys signingKeys, IOptions<BotOptions> options, TokenClock clock)
{
    public const string Issuer = "https://api.botframework.com";
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Far more tokens than the Connector uses at once (one an hour, per region); beyond it, start again.</summary>
    public const int MaxRememberedTokens = 1000;

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Passed> _passed = new(StringComparer.Ordinal);

    private sealed record Passed(BotConnectorIdentity Identity, string? KeyId, DateTimeOffset ValidFrom, DateTimeOffset ValidTo);

    public async Task<AuthenticationOutcome> AuthenticateAsync(string? authorizationHeader, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(authorizationHeader))
            return AuthenticationOutcome.Fail("no Authorization header");

        var parts = authorizationHeader.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !string.Equals(parts[0], "Bearer", StringComparison.OrdinalIgnoreCase))
            return AuthenticationOutcome.Fail("the Authorization header is not a Bearer token");

        var token = parts[1];
        if (_passed.TryGetValue(token, out var passed))
        {
            if (await StillValidAsync(passed, cancellationToken))
                return new AuthenticationOutcome(passed.Identity, null);
            _passed.TryRemove(token, out _);
        }

        string? keyId;
        try
        {
            keyId = new JsonWebToken(token).Kid;
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenMalformedException)
        {
            return AuthenticationOutcome.Fail("the bearer token is not a JWT");
        }

        IReadOnlyList<JsonWebKey> keys;
        try
        {
            keys = await signingKeys.GetKeysAsync(keyId, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return AuthenticationOutcome.Fail($"the Bot Connector signing keys could not be fetched ({ex.GetType().Name})");
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = options.Value.AppId,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            IssuerSigningKeys = keys,
            TryAllIssuerSigningKeys = keyId is null,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ClockSkew = ClockSkew,
            LifetimeValidator = ValidLifetime,
        };

        var result = await _handler.ValidateTokenAsync(token, parameters);
        if (!result.IsValid)
            return AuthenticationOutcome.Fail($"token rejected: {result.Exception?.GetType().Name ?? "invalid"}");

        var signingKey = (result.SecurityToken as JsonWebToken)?.SigningKey;
        var jwk = signingKey as JsonWebKey ?? keys.FirstOrDefault(k => k.Kid == signingKey?.KeyId);
        var serviceUrls = result.ClaimsIdentity.Claims
            .Where(c => string.Equals(c.Type, "serviceurl", StringComparison.OrdinalIgnoreCase))
            .Select(c => c.Value)
            .ToList();
        var identity = new BotConnectorIdentity(result.ClaimsIdentity, serviceUrls, Endorsements(jwk));
        Remember(token, identity, result.SecurityToken);
        return new AuthenticationOutcome(identity, null);
    }

    /// <summary>IdentityModel's own lifetime rule and exceptions, on <see cref="TokenClock"/> rather than DateTime.UtcNow.</summary>
    private bool ValidLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = clock.Time.GetUtcNow().UtcDateTime;
        if (expires is null)
            throw new SecurityTokenNoExpirationException("The token has no expiration time.");
        if (notBefore is { } from && from > now + ClockSkew)
            throw new SecurityTokenNotYetValidException("The token is not valid yet.") { NotBefore = from };
        if (expires.Value < now - ClockSkew)
            throw new SecurityTokenExpiredException("The token has expired.") { Expires = expires.Value };
        return true;
    }

    private void Remember(string token, BotConnectorIdentity identity, SecurityToken validated)
    {
        if (_passed.Count >= MaxRememberedTokens)
            _passed.Clear();
        _passed[token] = new Passed(
            identity,
            (validated as JsonWebToken)?.Kid,
            new DateTimeOffset(DateTime.SpecifyKind(validated.ValidFrom, DateTimeKind.Utc)),
            new DateTimeOffset(DateTime.SpecifyKind(validated.ValidTo, DateTimeKind.Utc)));
    }

    /// <summary>The checks that can change after a token passed: its lifetime, and whether its key is still published.</summary>
    private async Task<bool> StillValidAsync(Passed passed, CancellationToken cancellationToken)
    {
        var now = clock.Time.GetUtcNow();
        if (now > passed.ValidTo + ClockSkew || now < passed.ValidFrom - ClockSkew)
            return false;
        if (passed.KeyId is null)
            return true;
        try
        {
            var keys = await signingKeys.GetKeysAsync(passed.KeyId, cancellationToken);
            return keys.Any(k => string.Equals(k.Kid, passed.KeyId, StringComparison.Ordinal));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The checks that need the activity: serviceUrl claim and channel endorsement.</summary>
    public static AuthenticationOutcome CheckActivity(BotConnectorIdentity identity, Activity activity)
    {
        if (identity.ServiceUrls.Count == 0)
            return AuthenticationOutcome.Fail("the token has no serviceUrl claim");
        if (identity.ServiceUrls.Any(url => !string.Equals(url, activity.ServiceUrl.OriginalString, StringComparison.Ordinal)))
            return AuthenticationOutcome.Fail("the token's serviceUrl claim does not match the activity's serviceUrl");
        if (!identity.Endorsements.Contains(activity.ChannelId, StringComparer.Ordinal))
            return AuthenticationOutcome.Fail($"the signing key is not endorsed for channel '{activity.ChannelId}'");
        return new AuthenticationOutcome(identity, null);
    }

    private static IReadOnlyList<string> Endorsements(JsonWebKey? key)
    {
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var value) || value is null)
            return [];
        return value switch
        {
            string single => [single],
            JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray()
                .Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList(),
            IEnumerable items => items.Cast<object?>().Select(i => i switch
            {
                string s => s,
                JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
                _ => null,
            }).OfType<string>().ToList(),
            _ => [],
        };
    }
}
