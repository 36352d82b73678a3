using System.Net.Http.Headers;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using PmfBot.Bot.Tests.Teams.Support;
using PmfBot.Domain.People;
using PmfBot.Tests.Support;

namespace PmfBot.Bot.Tests.Tabs.Support;

/// <summary>
/// The real bot (Program) with the tabs on, the demo off, on a real PostgreSQL database holding
/// <see cref="TabsCouncil"/>, clock at Monday 24 November 2025 (Q2 2025/26 is the quarter). Entra's signing
/// keys are published over loopback HTTP by a fake (WireMock.Net), so the bot's own metadata fetch runs.
/// </summary>
public class TabsSite : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string TenantId = "4a1c2e3b-5d6f-4718-9a0b-1c2d3e4f5a6b";
    public const string OtherTenantId = "0f0e0d0c-0b0a-4908-8706-050403020100";
    public const string ClientId = "7e8f9a0b-1c2d-4e3f-8a5b-6c7d8e9f0a1b";
    public const string Domain = "pmfbot.council.test";

    public static readonly DateTimeOffset Today = new(2025, 11, 24, 10, 0, 0, TimeSpan.Zero);

    private readonly FakeBotConnectorIdentity _entra;

    public TabsSite()
    {
        _entra = new FakeBotConnectorIdentity(Key);
    }

    public TestSigningKey Key { get; } = new("entra-test-key");

    public TestDatabase Database { get; } = new PostgresTestDatabase();

    public TabsCouncil Council { get; } = new();

    public FakeTimeProvider Clock { get; } = new(Today);

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await Council.SaveAsync(Database);
        _ = Services;
    }

    public string TokenFor(Person person) => new TabToken { Key = Key, ObjectId = TabsCouncil.ObjectIdOf(person) }.Create();

    /// <summary>GETs (or POSTs a form to) a content address with the bearer token given, as the tab's script does.</summary>
    public async Task<(HttpResponseMessage Response, IDocument Page)> ContentAsync(string address, string? token, Dictionary<string, string>? form = null)
    {
        using var request = new HttpRequestMessage(form is null ? HttpMethod.Get : HttpMethod.Post, address);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (form is not null)
        {
            request.Content = new FormUrlEncodedContent(form);
        }

        var response = await CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") }).SendAsync(request);
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        return (response, page);
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _entra.Dispose();
        await Database.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Pmf", Database.Options.PostgresConnectionString ?? "");
        builder.UseSetting("Demo:Seed", "false");
        builder.UseSetting("Scheduler:Role", "web");
        builder.UseSetting("Tabs:Domain", Domain);
        builder.UseSetting("Tabs:ClientId", ClientId);
        builder.UseSetting("Tabs:AllowedTenants:0", TenantId);
        builder.UseSetting("Tabs:MetadataAddress", _entra.MetadataUrl);
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }
}
