using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;
using PmfBot.Bot.Teams.Configuration;
using PmfBot.Domain.Settings;
using PmfBot.Scheduler.Hosting;

namespace PmfBot.Bot.Dashboard;

public static class DashboardSignInSetup
{
    /// <summary>
    /// With `Dashboard:SignIn` set: the scheduler dashboard asks for the council's Entra sign-in (OpenID Connect,
    /// authorisation code flow) and shows itself to the performance team only (<see cref="PerformanceTeamHandler"/>).
    /// Without it nothing changes: the dashboard keeps its local-mode rule (this machine only) or is not mapped.
    /// </summary>
    public static WebApplicationBuilder AddDashboardSignIn(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSettings<DashboardSignInOptions>(DashboardSignInOptions.Section)
            .PostConfigure<IOptions<BotOptions>>((o, bot) => o.ClientSecret = SecretFor(o, bot.Value));

        // Read now as well: without sign-in settings no authentication is registered at all.
        var settings = builder.Configuration.ReadSettings<DashboardSignInOptions>(DashboardSignInOptions.Section);
        if (!settings.IsConfigured)
        {
            return builder;
        }

        settings.ClientSecret = SecretFor(settings, builder.Configuration.ReadSettings<BotOptions>(BotOptions.SectionName));

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddMicrosoftIdentityWebApp(
                identity =>
                {
                    identity.Instance = settings.Instance;
                    identity.TenantId = settings.TenantId;
                    identity.ClientId = settings.ClientId;
                    identity.ClientSecret = settings.ClientSecret;
                    identity.CallbackPath = settings.CallbackPath;
                    identity.ResponseType = "code";
                },
                cookie =>
                {
                    cookie.Cookie.Name = "pmfbot.dashboard";
                    cookie.Cookie.HttpOnly = true;
                    cookie.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                    cookie.ExpireTimeSpan = settings.SessionLength;
                    cookie.SlidingExpiration = false;
                    // Signed in but not on the performance team: a plain 403, not a redirect to a page PmfBot does not have.
                    cookie.Events.OnRedirectToAccessDenied = context =>
                    {
                        context.Response.StatusCode = StatusCodes.Status403Forbidden;
                        return Task.CompletedTask;
                    };
                });

        services.AddScoped<IAuthorizationHandler, PerformanceTeamHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(PerformanceTeamRequirement.PolicyName, policy => policy
                .RequireAuthenticatedUser()
                .AddRequirements(new PerformanceTeamRequirement()));
        // The dashboard asks for this policy unless Scheduler:DashboardAuthorizationPolicy names another.
        services.PostConfigure<SchedulerOptions>(o => o.DashboardAuthorizationPolicy ??= PerformanceTeamRequirement.PolicyName);
        return builder;
    }

    private static string? SecretFor(DashboardSignInOptions signIn, BotOptions bot) =>
        string.IsNullOrWhiteSpace(signIn.ClientSecret) && !string.IsNullOrWhiteSpace(signIn.ClientId)
            && string.Equals(signIn.ClientId, bot.AppId, StringComparison.OrdinalIgnoreCase)
            ? bot.AppPassword
            : signIn.ClientSecret;
}
