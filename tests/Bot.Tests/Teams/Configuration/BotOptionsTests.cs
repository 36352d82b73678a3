using Microsoft.Extensions.Options;
using PmfBot.Bot.Tests.Teams.Support;
using PmfBot.Tests.Support;

namespace PmfBot.Bot.Tests.Teams.Configuration;

public sealed class BotOptionsTests
{
    private const string AppId = BotApplication.AppId;

    public static TheoryData<string, string?[], string> InvalidSettings => new()
    {
        { "app id without password", ["Bot:AppId", AppId, "Bot:AllowedTenants:0", BotApplication.TenantId], "Bot:AppPassword is empty" },
        { "password without app id", ["Bot:AppPassword", "s3cret"], "Bot:AppId is empty" },
        { "tenant without app id", ["Bot:AppTenantId", BotApplication.TenantId], "Bot:AppTenantId is set but Bot:AppId is empty" },
        { "app id not a GUID", ["Bot:AppId", "pmfbot", "Bot:AppPassword", "s", "Bot:AllowedTenants:0", BotApplication.TenantId], "a GUID" },
        { "no allowed tenants", ["Bot:AppId", AppId, "Bot:AppPassword", "s"], "Bot:AllowedTenants is empty" },
        { "allowed tenant not a GUID", ["Bot:AllowedTenants:0", "contoso"], "'contoso', which is not a tenant id" },
        { "app tenant with a slash", ["Bot:AppId", AppId, "Bot:AppPassword", "s", "Bot:AllowedTenants:0", BotApplication.TenantId, "Bot:AppTenantId", "a/b"], "Bot:AppTenantId must be a tenant id" },
        { "metadata over http", ["Bot:OpenIdMetadataUrl", "http://login.botframework.com/v1/.well-known/openidconfiguration"], "must use https" },
        { "metadata not a URL", ["Bot:OpenIdMetadataUrl", "login.botframework.com"], "must be an absolute URL" },
        { "token endpoint over http", ["Bot:TokenEndpoint", "http://login.example/token"], "Bot:TokenEndpoint must use https" },
        { "tiny body limit", ["Bot:MaxRequestBodyBytes", "10"], "Bot:MaxRequestBodyBytes" },
        { "zero workers", ["Bot:Queue:Workers", "0"], "Bot:Queue:Workers" },
        { "bad rate window", ["Bot:Connector:PerConversationLimits:0:Permits", "0", "Bot:Connector:PerConversationLimits:0:Window", "00:00:01"], "PerConversationLimits" },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public async Task An_invalid_combination_stops_the_host_at_start_with_a_clear_message(string because, string?[] pairs, string message)
    {
        var settings = new Dictionary<string, string?>();
        for (var i = 0; i < pairs.Length; i += 2)
            settings[pairs[i]!] = pairs[i + 1];

        var error = Assert.IsType<OptionsValidationException>(await BotHost.TryStartAsync(settings));

        Assert.True(error.Message.Contains(message), $"{because}: {error.Message}");
    }

    [Fact]
    public void A_complete_single_tenant_configuration_starts()
    {
        using var bot = new BotApplication(new Dictionary<string, string?>
        {
            ["Bot:AppId"] = AppId,
            ["Bot:AppPassword"] = "s3cret",
            ["Bot:AppTenantId"] = BotApplication.TenantId,
            ["Bot:AllowedTenants:0"] = BotApplication.TenantId,
        });

        Assert.NotNull(bot.CreateClient());
    }

    [Theory]
    [InlineData(null, "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token")]
    [InlineData("9b2d6c4e-1f3a-4e5b-8c7d-0a1b2c3d4e5f", "https://login.microsoftonline.com/9b2d6c4e-1f3a-4e5b-8c7d-0a1b2c3d4e5f/oauth2/v2.0/token")]
    public void The_token_endpoint_is_the_botframework_tenant_for_multi_tenant_bots_and_the_home_tenant_otherwise(string? appTenant, string expected)
    {
        var options = new PmfBot.Bot.Teams.Configuration.BotOptions { AppTenantId = appTenant };

        Assert.Equal(new Uri(expected), options.EffectiveTokenEndpoint);
    }

    [Fact]
    public void The_default_metadata_is_the_Bot_Connector_one()
    {
        Assert.Equal("https://login.botframework.com/v1/.well-known/openidconfiguration", new PmfBot.Bot.Teams.Configuration.BotOptions().OpenIdMetadataUrl);
    }
}

public sealed class LocalModeTests
{
    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://*:5080")]
    [InlineData("http://+:5080")]
    [InlineData("http://[::]:5080")]
    [InlineData("http://127.0.0.1:5080;http://192.168.1.20:5080")]
    public async Task Local_mode_refuses_to_start_on_a_non_loopback_address(string urls)
    {
        var error = Assert.IsType<InvalidOperationException>(await BotHost.TryStartAsync(new() { ["urls"] = urls }));

        Assert.Contains("Local mode (no Bot:AppId) may listen on loopback only", error.Message);
    }

    [Fact]
    public async Task Local_mode_refuses_HTTP_PORTS_which_binds_every_interface()
    {
        var error = Assert.IsType<InvalidOperationException>(await BotHost.TryStartAsync(new() { ["http_ports"] = "8080" }));

        Assert.Contains("HTTP_PORTS", error.Message);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    [InlineData("[::1]")]
    public async Task Local_mode_starts_on_loopback_and_warns_that_nothing_is_authenticated(string host)
    {
        var logs = new CapturedLogs();

        Assert.Null(await BotHost.TryStartAsync(new() { ["urls"] = $"http://{host}:{FreePort.Next()}" }, logs));

        Assert.Contains(logs.Lines, l => l.StartsWith("Warning") && l.Contains("LOCAL MODE") && l.Contains("WITHOUT authentication"));
    }

    [Fact]
    public void With_an_app_id_the_address_is_not_restricted_and_there_is_no_local_mode_warning()
    {
        using var bot = new BotApplication(new Dictionary<string, string?>
        {
            ["Bot:AppId"] = BotApplication.AppId,
            ["Bot:AppPassword"] = "s3cret",
            ["Bot:AllowedTenants:0"] = BotApplication.TenantId,
            ["urls"] = "http://0.0.0.0:5080",
        });

        Assert.NotNull(bot.CreateClient());
        Assert.DoesNotContain(bot.Logs.Lines, l => l.Contains("LOCAL MODE"));
    }

    [Fact]
    public async Task Local_mode_on_real_Kestrel_listens_on_loopback_and_answers()
    {
        var port = FreePort.Next();
        using var bot = BotApplication.Local();
        bot.UseKestrel(port);
        bot.StartServer();

        using var http = new HttpClient();
        var response = await http.GetAsync($"http://127.0.0.1:{port}/healthz");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }
}
