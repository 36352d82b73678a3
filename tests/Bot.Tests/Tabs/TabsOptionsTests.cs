using System.Net;
using Microsoft.Extensions.Configuration;
using PmfBot.Bot.Tabs;
using PmfBot.Bot.Tests.Publication.Support;

namespace PmfBot.Bot.Tests.Tabs;

/// <summary>The `Tabs` settings: off by default, filled from the bot's and Graph's, refused at start when unusable.</summary>
public sealed class TabsOptionsTests
{
    private const string Tenant = "4a1c2e3b-5d6f-4718-9a0b-1c2d3e4f5a6b";
    private const string AppId = "7e8f9a0b-1c2d-4e3f-8a5b-6c7d8e9f0a1b";

    [Fact]
    public void Without_a_domain_the_tabs_are_off_and_nothing_is_asked_for()
    {
        var tabs = new TabsOptions();

        Assert.False(tabs.IsEnabled);
        Assert.Empty(tabs.Problems());
    }

    [Fact]
    public void The_client_id_and_tenants_come_from_graph_then_the_bot_as_the_manifest_is_filled()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bot:AppId"] = AppId,
            ["Bot:AllowedTenants:0"] = Tenant,
        }).Build();
        var tabs = new TabsOptions { Domain = "pmfbot.council.gov.uk" };

        tabs.FillFrom(configuration);

        Assert.Equal(AppId, tabs.ClientId);
        Assert.Equal([Tenant], tabs.AllowedTenants!);
        Assert.Equal([$"api://pmfbot.council.gov.uk/{AppId}", AppId], tabs.Audiences);
        Assert.Equal("https://login.microsoftonline.com/organizations/v2.0/.well-known/openid-configuration", tabs.EffectiveMetadataAddress);
        Assert.Empty(tabs.Problems());
    }

    [Theory]
    [InlineData("https://pmfbot.council.gov.uk", AppId, Tenant, "https://login.microsoftonline.com/", null, "Tabs:Domain")]
    [InlineData("pmfbot.council.gov.uk", "not-a-guid", Tenant, "https://login.microsoftonline.com/", null, "Tabs:ClientId")]
    [InlineData("pmfbot.council.gov.uk", AppId, null, "https://login.microsoftonline.com/", null, "Tabs:AllowedTenants")]
    [InlineData("pmfbot.council.gov.uk", AppId, Tenant, "http://login.microsoftonline.com/", null, "Tabs:Instance")]
    [InlineData("pmfbot.council.gov.uk", AppId, Tenant, "https://login.microsoftonline.com/", "http://keys.example.com/metadata", "Tabs:MetadataAddress")]
    public void Unusable_settings_are_named(string domain, string clientId, string? tenant, string instance, string? metadata, string named)
    {
        var tabs = new TabsOptions
        {
            Domain = domain,
            ClientId = clientId,
            AllowedTenants = tenant is null ? null : [tenant],
            Instance = instance,
            MetadataAddress = metadata,
        };

        Assert.Contains(tabs.Problems(), problem => problem.StartsWith(named, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bot_without_tabs_configured_answers_404_at_their_addresses()
    {
        await using var site = new PublishedSite(enabled: false);

        var (response, _) = await site.PageAsync(TabAddresses.Personal);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Unusable_tab_settings_stop_the_bot_at_start()
    {
        await using var site = new PublishedSite(enabled: false, settings: new() { ["Tabs:Domain"] = "pmfbot.council.gov.uk", ["Tabs:ClientId"] = "nope" });

        var failure = Record.Exception(() => site.Services);

        Assert.NotNull(failure);
        Assert.Contains("Tabs", failure.ToString());
    }
}
