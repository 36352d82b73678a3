using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PmfBot.Tests.Support;

/// <summary>An RSA signing key as the Bot Connector publishes one: a JWK with <c>endorsements</c>.</summary>
public sealed class TestSigningKey
{
    public TestSigningKey(string keyId, params string[]? endorsements)
    {
        KeyId = keyId;
        Endorsements = endorsements;
        Rsa = RSA.Create(2048);
        SecurityKey = new RsaSecurityKey(Rsa) { KeyId = keyId };
    }

    public string KeyId { get; }

    /// <summary>Null: the JWK has no endorsements property at all.</summary>
    public string[]? Endorsements { get; }

    public RSA Rsa { get; }

    public RsaSecurityKey SecurityKey { get; }

    public string PublicKeyPem => Rsa.ExportSubjectPublicKeyInfoPem();

    public JsonObject ToJwk()
    {
        var parameters = Rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (Endorsements is not null)
            jwk["endorsements"] = new JsonArray(Endorsements.Select(e => (JsonNode)JsonValue.Create(e)!).ToArray());
        return jwk;
    }
}

/// <summary>Builds Connector-to-bot JWTs, good and bad.</summary>
public sealed record TestToken
{
    public const string ConnectorIssuer = "https://api.botframework.com";

    public required TestSigningKey Key { get; init; }

    public string Issuer { get; init; } = ConnectorIssuer;

    public required string Audience { get; init; }

    /// <summary>Null: no serviceurl claim.</summary>
    public string? ServiceUrl { get; init; }

    public string ServiceUrlClaimName { get; init; } = "serviceurl";

    public DateTime NotBefore { get; init; } = DateTime.UtcNow.AddMinutes(-5);

    /// <summary>Null: no exp claim.</summary>
    public DateTime? Expires { get; init; } = DateTime.UtcNow.AddMinutes(55);

    public string Algorithm { get; init; } = SecurityAlgorithms.RsaSha256;

    /// <summary>Overrides the kid header (a forged token reusing a known key id).</summary>
    public string? KeyIdHeader { get; init; }

    public string Create()
    {
        var claims = new Dictionary<string, object>();
        if (ServiceUrl is not null)
            claims[ServiceUrlClaimName] = ServiceUrl;

        SecurityKey signingKey = Key.SecurityKey;
        if (KeyIdHeader is not null)
            signingKey = new RsaSecurityKey(Key.Rsa) { KeyId = KeyIdHeader };

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Claims = claims,
            NotBefore = NotBefore,
            IssuedAt = NotBefore,
            Expires = Expires,
            SigningCredentials = new SigningCredentials(signingKey, Algorithm),
        };
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(descriptor);
    }

    /// <summary><c>alg: none</c>, no signature: the classic bypass.</summary>
    public string CreateUnsigned() =>
        Segment(new JsonObject { ["alg"] = "none", ["typ"] = "JWT" }) + "." + Segment(Payload()) + ".";

    /// <summary>HS256 with the RSA public key (PEM) as the HMAC secret: the algorithm-confusion attack.</summary>
    public string CreateHmacWithPublicKey()
    {
        var header = Segment(new JsonObject { ["alg"] = "HS256", ["typ"] = "JWT", ["kid"] = Key.KeyId });
        var payload = Segment(Payload());
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Key.PublicKeyPem), Encoding.ASCII.GetBytes(header + "." + payload));
        return header + "." + payload + "." + Base64UrlEncoder.Encode(signature);
    }

    /// <summary>A valid token whose payload is then changed (serviceurl swapped), keeping the original signature.</summary>
    public string CreateTampered(string newServiceUrl)
    {
        var parts = Create().Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        payload[ServiceUrlClaimName] = newServiceUrl;
        return parts[0] + "." + Segment(payload) + "." + parts[2];
    }

    private JsonObject Payload()
    {
        var payload = new JsonObject
        {
            ["iss"] = Issuer,
            ["aud"] = Audience,
            ["nbf"] = new DateTimeOffset(NotBefore).ToUnixTimeSeconds(),
        };
        if (Expires is { } exp)
            payload["exp"] = new DateTimeOffset(exp).ToUnixTimeSeconds();
        if (ServiceUrl is not null)
            payload[ServiceUrlClaimName] = ServiceUrl;
        return payload;
    }

    private static string Segment(JsonObject json) => Base64UrlEncoder.Encode(json.ToJsonString());
}
