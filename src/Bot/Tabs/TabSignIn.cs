using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PmfBot.Bot.Teams.Configuration;

namespace PmfBot.Bot.Tabs;

/// <summary>
/// The Teams single sign-on token a tab page sends as `Authorization: Bearer`, checked as Entra access tokens are
/// (docs/tabs.md): Entra's signature, not expired, audience api://&lt;domain&gt;/&lt;client id&gt; (or the client id, in a
/// v2 token), issued by Entra for the tenant the token names, with the `access_as_user` scope. A token failing
/// any of these is 401; a good token from a tenant not on the allow-list is 403.
/// </summary>
public static class TabSignIn
{
    public const string Scheme = "PmfBot.TeamsTab";
    public const string Policy = "PmfBot.TeamsTabUser";

    private const string TenantIdLong = "http://schemas.microsoft.com/identity/claims/tenantid";
    private const string ScopeLong = "http://schemas.microsoft.com/identity/claims/scope";

    public static void Configure(JwtBearerOptions jwt, TabsOptions tabs)
    {
        jwt.MetadataAddress = tabs.EffectiveMetadataAddress;
        jwt.RequireHttpsMetadata = !BotOptionsCheck.IsLoopback(new Uri(tabs.EffectiveMetadataAddress));
        jwt.MapInboundClaims = false;
        jwt.IncludeErrorDetails = false;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidAudiences = tabs.Audiences,
            ValidateIssuer = true,
            IssuerValidator = (issuer, token, _) => IssuedByEntraForItsTenant(issuer, token, tabs)
                ? issuer
                : throw new SecurityTokenInvalidIssuerException("The token was not issued by Entra for the tenant it names."),
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ClockSkew = TimeSpan.FromMinutes(5),
            NameClaimType = "name",
        };
        jwt.Events = new JwtBearerEvents
        {
            // With no other sign-in configured this scheme is the app's only one, so ASP.NET Core would try it on every
            // request, the Bot Connector's own Bearer tokens on /api/messages included: read it on the tab content only.
            OnMessageReceived = context =>
            {
                if (!context.Request.Path.StartsWithSegments(TabAddresses.Content, StringComparison.OrdinalIgnoreCase))
                {
                    context.NoResult();
                }

                return Task.CompletedTask;
            },
            OnChallenge = async context =>
            {
                context.HandleResponse();
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Bearer";
                await TabHtml.WriteProblemAsync(
                    context.Response,
                    "Teams did not sign you in",
                    "PmfBot's tabs open inside Teams, which signs you in. Open this tab in Teams, or close and open it again if your sign-in has run out.");
            },
            OnForbidden = async context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await TabHtml.WriteProblemAsync(
                    context.Response,
                    "Not for your organisation",
                    "You are signed in to Teams with an organisation that does not use this council's PmfBot, or your sign-in does not let PmfBot act for you.");
            },
        };
    }

    /// <summary>Entra names the tenant in the issuer: v1 tokens https://sts.windows.net/{tid}/, v2 {instance}{tid}/v2.0.</summary>
    private static bool IssuedByEntraForItsTenant(string issuer, SecurityToken token, TabsOptions tabs)
    {
        var tenant = token is JsonWebToken jwt && jwt.TryGetPayloadValue<string>("tid", out var tid) ? tid : null;
        if (!Guid.TryParse(tenant, out var tenantId))
        {
            return false;
        }

        var id = tenantId.ToString("D");
        return string.Equals(issuer, $"https://sts.windows.net/{id}/", StringComparison.OrdinalIgnoreCase)
            || string.Equals(issuer, $"{tabs.Instance.TrimEnd('/')}/{id}/v2.0", StringComparison.OrdinalIgnoreCase);
    }

    public static bool FromAllowedTenant(ClaimsPrincipal user, TabsOptions tabs) => tabs.AllowsTenant(Claim(user, "tid", TenantIdLong));

    public static bool ActsForTheUser(ClaimsPrincipal user) =>
        (Claim(user, "scp", ScopeLong) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(TabsOptions.Scope, StringComparer.Ordinal);

    public static string? Claim(ClaimsPrincipal user, params string[] types) =>
        types.Select(t => user.FindFirst(t)?.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
}
