using PmfBot.Tests.Support;
using System.Net;
using PmfBot.Bot.Tabs;
using PmfBot.Bot.Tests.Tabs.Support;
using PmfBot.Bot.Tests.Teams.Support;

namespace PmfBot.Bot.Tests.Tabs;

/// <summary>The tab content answers only to a Teams sign-in Entra issued for PmfBot, from the council's tenant, for someone PmfBot knows.</summary>
public sealed class TabSignInTests(TabsSite site) : IClassFixture<TabsSite>
{
    [Fact]
    public async Task A_valid_teams_token_shows_the_indicator_owner_her_own_returns()
    {
        var (response, page) = await site.ContentAsync(TabAddresses.PersonalContent, site.TokenFor(site.Council.Own.Owner));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("PmfBot for Olivia Owner", page.QuerySelector("h1")?.TextContent);
        var returns = page.QuerySelector("#returns")!.ParentElement!.TextContent;
        Assert.Contains("CPP-C1a", returns);
        Assert.Contains("CPP-C1b", returns);
        Assert.Contains("Not started", returns);
    }

    [Fact]
    public async Task Someone_else_sees_their_own_page_not_the_owners_returns()
    {
        var (response, page) = await site.ContentAsync(TabAddresses.PersonalContent, site.TokenFor(site.Council.HealthLead));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("PmfBot for Hetty Lead", page.QuerySelector("h1")?.TextContent);
        Assert.DoesNotContain("CPP-C1a", page.Body!.TextContent);
        Assert.Contains("You have no returns to enter", page.Body.TextContent);
    }

    [Fact]
    public async Task No_token_is_401_with_a_page_saying_to_open_it_in_teams()
    {
        var (response, page) = await site.ContentAsync(TabAddresses.PersonalContent, token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Teams did not sign you in", page.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task Forged_expired_or_foreign_tokens_are_401()
    {
        var owner = TabsCouncil.ObjectIdOf(site.Council.Own.Owner);
        var forged = new TabToken { Key = new TestSigningKey("entra-test-key"), ObjectId = owner }.Create();
        var expired = new TabToken { Key = site.Key, ObjectId = owner, Expires = DateTime.UtcNow.AddMinutes(-30) }.Create();
        var otherApp = new TabToken { Key = site.Key, ObjectId = owner, Audience = "api://elsewhere.test/11111111-2222-3333-4444-555555555555" }.Create();
        var otherIssuer = new TabToken { Key = site.Key, ObjectId = owner, Issuer = $"https://login.microsoftonline.com/{TabsSite.OtherTenantId}/v2.0" }.Create();

        foreach (var token in new[] { forged, expired, otherApp, otherIssuer, "not-a-token" })
        {
            var (response, _) = await site.ContentAsync(TabAddresses.PersonalContent, token);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_v1_token_with_the_application_id_uri_and_sts_issuer_is_accepted()
    {
        var token = new TabToken
        {
            Key = site.Key,
            ObjectId = TabsCouncil.ObjectIdOf(site.Council.Own.Chair),
            Issuer = $"https://sts.windows.net/{TabsSite.TenantId}/",
        }.Create();

        var (response, page) = await site.ContentAsync(TabAddresses.PersonalContent, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("PmfBot for Councillor Chair", page.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task A_good_token_from_another_tenant_is_403()
    {
        var token = new TabToken { Key = site.Key, ObjectId = TabsCouncil.ObjectIdOf(site.Council.Own.Owner), TenantId = TabsSite.OtherTenantId }.Create();

        var (response, page) = await site.ContentAsync(TabAddresses.PersonalContent, token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Not for your organisation", page.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task A_token_without_the_access_as_user_scope_is_403()
    {
        var token = new TabToken { Key = site.Key, ObjectId = TabsCouncil.ObjectIdOf(site.Council.Own.Owner), Scope = "User.Read" }.Create();

        var (response, _) = await site.ContentAsync(TabAddresses.PersonalContent, token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Someone_PmfBot_does_not_know_gets_403_saying_what_to_do()
    {
        var token = new TabToken { Key = site.Key, ObjectId = Guid.NewGuid().ToString() }.Create();

        var (response, page) = await site.ContentAsync(TabAddresses.PersonalContent, token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("PmfBot does not know you yet", page.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task A_person_in_the_data_list_not_yet_linked_is_found_by_user_name()
    {
        var token = new TabToken { Key = site.Key, ObjectId = Guid.NewGuid().ToString(), UserName = site.Council.NeverSeen.Email.ToUpperInvariant() }.Create();

        var (response, page) = await site.ContentAsync(TabAddresses.PersonalContent, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("PmfBot for Nadia Newcomer", page.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task A_linked_person_cannot_be_claimed_through_their_user_name()
    {
        var token = new TabToken { Key = site.Key, ObjectId = Guid.NewGuid().ToString(), UserName = site.Council.Own.Chair.Email }.Create();

        var (response, _) = await site.ContentAsync(TabAddresses.PersonalContent, token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_shell_pages_carry_no_data_and_may_be_framed_only_by_teams_and_microsoft_365()
    {
        var client = site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });

        var response = await client.GetAsync(TabAddresses.Personal);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Olivia", html);
        Assert.Contains(TabHtml.TeamsLibraryPath, html);
        var policy = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft", policy);
        Assert.Contains("script-src 'self'", policy);
        var library = await client.GetAsync(TabHtml.TeamsLibraryPath);
        Assert.Contains("getAuthToken", await library.Content.ReadAsStringAsync());
    }
}
