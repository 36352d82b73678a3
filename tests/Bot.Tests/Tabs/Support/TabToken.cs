using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PmfBot.Bot.Tests.Teams.Support;
using PmfBot.Tests.Support;

namespace PmfBot.Bot.Tests.Tabs.Support;

/// <summary>
/// The access token Teams hands a tab through getAuthToken, as Entra issues it (v2 form unless told otherwise),
/// signed with a test key whose public half the fake Entra metadata publishes.
/// </summary>
public sealed record TabToken
{
    public required TestSigningKey Key { get; init; }

    public required string ObjectId { get; init; }

    public string TenantId { get; init; } = TabsSite.TenantId;

    public string Audience { get; init; } = $"api://{TabsSite.Domain}/{TabsSite.ClientId}";

    /// <summary>Null: Entra's v2 issuer for <see cref="TenantId"/>.</summary>
    public string? Issuer { get; init; }

    public string Scope { get; init; } = "access_as_user";

    public string? UserName { get; init; }

    public DateTime Expires { get; init; } = DateTime.UtcNow.AddMinutes(55);

    public string Create()
    {
        var claims = new Dictionary<string, object>
        {
            ["oid"] = ObjectId,
            ["tid"] = TenantId,
            ["scp"] = Scope,
            ["ver"] = "2.0",
        };
        if (UserName is not null)
        {
            claims["preferred_username"] = UserName;
        }

        var issued = Expires.AddMinutes(-60);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer ?? $"https://login.microsoftonline.com/{TenantId}/v2.0",
            Audience = Audience,
            Claims = claims,
            NotBefore = issued,
            IssuedAt = issued,
            Expires = Expires,
            SigningCredentials = new SigningCredentials(Key.SecurityKey, SecurityAlgorithms.RsaSha256),
        });
    }
}
