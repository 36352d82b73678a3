using System.Net;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PmfBot.Bot.Dashboard;
using PmfBot.Bot.Tests.Dashboard.Support;
using PmfBot.Domain.Demo;
using PmfBot.Domain.People;
using PmfBot.Scheduler.Hosting;

namespace PmfBot.Bot.Tests.Dashboard;

/// <summary>
/// The scheduler dashboard behind the council's Entra sign-in and the performance-team policy. The policy and
/// the cookie are the real ones; Entra itself is stood in for (see <see cref="SignInDashboardHost"/>).
/// </summary>
public sealed class DashboardSignInTests : IAsyncLifetime
{
    private readonly SignInDashboardHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Someone_not_signed_in_is_sent_to_the_councils_Entra_sign_in_not_shown_the_dashboard()
    {
        var response = await _host.Browser().GetAsync(DashboardSetup.Path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(SignInDashboardHost.AuthorizeEndpoint + "?", location.ToString());
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal(SignInDashboardHost.ClientId, query["client_id"].ToString());
        Assert.Equal("https://localhost/signin-oidc", query["redirect_uri"].ToString());
        Assert.Equal("code", query["response_type"].ToString());
        Assert.Contains("openid", query["scope"].ToString().Split(' '));
        Assert.DoesNotContain("Hangfire", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void The_sign_in_is_set_up_for_the_councils_tenant_and_app_registration()
    {
        var oidc = _host.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OpenIdConnectDefaults.AuthenticationScheme);

        Assert.Equal($"https://login.microsoftonline.com/{SignInDashboardHost.TenantId}/v2.0", oidc.Authority);
        Assert.Equal(SignInDashboardHost.ClientId, oidc.ClientId);
        Assert.Equal("test-only-not-a-secret", oidc.ClientSecret);
        Assert.Equal("code", oidc.ResponseType);
        Assert.True(oidc.UsePkce);
        Assert.Equal("/signin-oidc", oidc.CallbackPath.Value);
        Assert.Equal("Cookies", oidc.SignInScheme);
        Assert.Equal(PerformanceTeamRequirement.PolicyName, _host.Services.GetRequiredService<IOptions<SchedulerOptions>>().Value.DashboardAuthorizationPolicy);
    }

    [Fact]
    public async Task A_member_of_the_performance_team_signed_in_sees_the_dashboard()
    {
        var browser = _host.Browser();
        var alison = DemoCouncil.People.PerformanceOfficer;
        await SignInDashboardHost.SignInAsync(browser, alison.EntraObjectId, alison.Email);

        var response = await browser.GetAsync(DashboardSetup.Path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Hangfire Dashboard", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Someone_signed_in_who_is_not_on_the_performance_team_is_refused()
    {
        var browser = _host.Browser();
        var kate = DemoCouncil.People.Owner;
        await SignInDashboardHost.SignInAsync(browser, kate.EntraObjectId, kate.Email);

        var response = await browser.GetAsync(DashboardSetup.Path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("Hangfire", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_sign_in_from_another_tenant_is_refused_even_with_a_performance_officers_ids()
    {
        var browser = _host.Browser();
        var alison = DemoCouncil.People.PerformanceOfficer;
        await SignInDashboardHost.SignInAsync(browser, alison.EntraObjectId, alison.Email, SignInDashboardHost.OtherTenantId);

        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync(DashboardSetup.Path)).StatusCode);
    }

    [Fact]
    public async Task A_performance_officer_not_yet_linked_to_Entra_is_found_by_user_name_but_a_linked_one_only_by_object_id()
    {
        _ = _host.Services; // the host starts and seeds the demo council
        await using (var db = _host.Database.NewContext())
        {
            db.People.Add(new Person(Guid.NewGuid(), "Priya Newcombe", "priya.newcombe@northbridge.gov.uk") { IsPerformanceTeam = true });
            await db.SaveChangesAsync();
        }

        var newcomer = _host.Browser();
        await SignInDashboardHost.SignInAsync(newcomer, Guid.NewGuid().ToString(), "Priya.Newcombe@northbridge.gov.uk");
        var impostor = _host.Browser();
        await SignInDashboardHost.SignInAsync(impostor, Guid.NewGuid().ToString(), DemoCouncil.People.PerformanceOfficer.Email);

        Assert.Equal(HttpStatusCode.OK, (await newcomer.GetAsync(DashboardSetup.Path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await impostor.GetAsync(DashboardSetup.Path)).StatusCode);
    }

    [Fact]
    public async Task Taking_someone_off_the_performance_team_takes_the_dashboard_away_at_once()
    {
        var browser = _host.Browser();
        var alison = DemoCouncil.People.PerformanceOfficer;
        await SignInDashboardHost.SignInAsync(browser, alison.EntraObjectId, alison.Email);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(DashboardSetup.Path)).StatusCode);

        await using (var db = _host.Database.NewContext())
        {
            var person = await db.People.SingleAsync(p => p.EntraObjectId == alison.EntraObjectId);
            person.IsPerformanceTeam = false;
            await db.SaveChangesAsync();
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync(DashboardSetup.Path)).StatusCode);
    }
}

public sealed class DashboardSignInSettingsTests
{
    [Fact]
    public async Task A_half_configured_sign_in_stops_the_host_with_every_problem_named()
    {
        await using var bot = Teams.Support.BotApplication.Local(s => s["Dashboard:SignIn:TenantId"] = "council.gov.uk");

        var failure = Assert.ThrowsAny<Exception>(() => bot.CreateClient()).ToString();

        Assert.Contains("Dashboard:SignIn:TenantId must be the council's Entra tenant id (a GUID).", failure);
        Assert.Contains("Dashboard:SignIn:ClientId must be an Entra application (client) id (a GUID).", failure);
        Assert.Contains("Dashboard:SignIn:ClientSecret is required", failure);
    }

    [Fact]
    public async Task The_bots_own_registration_signs_in_with_the_bots_secret()
    {
        await using var bot = new Teams.Support.BotApplication(new Dictionary<string, string?>
        {
            ["Bot:AppId"] = Teams.Support.BotApplication.AppId,
            ["Bot:AppPassword"] = "the-bots-own-test-secret",
            ["Bot:AllowedTenants:0"] = Teams.Support.BotApplication.TenantId,
            ["Dashboard:SignIn:TenantId"] = Teams.Support.BotApplication.TenantId,
            ["Dashboard:SignIn:ClientId"] = Teams.Support.BotApplication.AppId,
        });

        var oidc = bot.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OpenIdConnectDefaults.AuthenticationScheme);

        Assert.Equal(Teams.Support.BotApplication.AppId, oidc.ClientId);
        Assert.Equal("the-bots-own-test-secret", oidc.ClientSecret);
    }
}
