using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using PmfBot.Tests.Support;

namespace PmfBot.Bot.Tests.Dashboard.Support;

/// <summary>
/// The real bot (Program) on the demo council with the dashboard's Entra sign-in configured. Entra cannot be
/// reached from here, so two things stand in for it: the sign-in scheme is given Entra's endpoints instead of
/// fetching them (a challenge still builds the real redirect), and <see cref="SignInAsync"/> issues the sign-in
/// cookie, through the real cookie scheme, for the claims an Entra ID token would carry after OpenID Connect.
/// </summary>
public sealed class SignInDashboardHost : WebApplicationFactory<Program>
{
    public const string TenantId = "4a1c2e3b-5d6f-4718-9a0b-1c2d3e4f5a6b";
    public const string ClientId = "7e8f9a0b-1c2d-4e3f-8a5b-6c7d8e9f0a1b";
    public const string OtherTenantId = "0f0e0d0c-0b0a-4908-8706-050403020100";
    public const string AuthorizeEndpoint = $"https://login.microsoftonline.com/{TenantId}/oauth2/v2.0/authorize";
    private const string TestSignInPath = "/test-only/sign-in";

    public SqliteTestDatabase Database { get; } = new();

    /// <summary>A browser: cookies kept, redirects not followed, over https as in production.</summary>
    public HttpClient Browser() =>
        CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs <paramref name="browser"/> in with the claims Entra would give: object id, tenant, user name.</summary>
    public static async Task SignInAsync(HttpClient browser, string objectId, string userName, string tenantId = TenantId)
    {
        var query = $"?oid={Uri.EscapeDataString(objectId)}&tid={Uri.EscapeDataString(tenantId)}&preferred_username={Uri.EscapeDataString(userName)}";
        var response = await browser.GetAsync(TestSignInPath + query);
        response.EnsureSuccessStatusCode();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:SqlitePath", Database.Options.SqlitePath);
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("Scheduler:Role", "web");
        builder.UseSetting("Dashboard:SignIn:TenantId", TenantId);
        builder.UseSetting("Dashboard:SignIn:ClientId", ClientId);
        builder.UseSetting("Dashboard:SignIn:ClientSecret", "test-only-not-a-secret");
        builder.ConfigureTestServices(services =>
        {
            services.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, o => o.Configuration = new OpenIdConnectConfiguration
            {
                Issuer = $"https://login.microsoftonline.com/{TenantId}/v2.0",
                AuthorizationEndpoint = AuthorizeEndpoint,
                TokenEndpoint = $"https://login.microsoftonline.com/{TenantId}/oauth2/v2.0/token",
                EndSessionEndpoint = $"https://login.microsoftonline.com/{TenantId}/oauth2/v2.0/logout",
            });
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, TestSignIn>();
        });
    }

    /// <summary>What the OpenID Connect handler does after Entra answers: sign the ID token's claims into the cookie scheme.</summary>
    private sealed class TestSignIn : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            // Not app.Map: that would move PathBase, and the cookie would be issued for that path only.
            app.Use(async (http, nextMiddleware) =>
            {
                if (http.Request.Path != TestSignInPath)
                {
                    await nextMiddleware(http);
                    return;
                }

                var claims = new[] { "oid", "tid", "preferred_username" }
                    .Select(type => new Claim(type, http.Request.Query[type].ToString()));
                var identity = new ClaimsIdentity(claims, OpenIdConnectDefaults.AuthenticationScheme, "preferred_username", ClaimTypes.Role);
                await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
            });
            next(app);
        };
    }
}
