using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;
using PmfBot.Bot.Teams.Activities;
using PmfBot.Bot.Tests.Teams.Support;
using PmfBot.Tests.Support;

namespace PmfBot.Bot.Tests.Teams.Authentication;

/// <summary>Keys and the fake metadata endpoint shared by the authentication tests.</summary>
public sealed class ConnectorIdentityFixture : IDisposable
{
    public TestSigningKey Teams { get; } = new("teams-key", "msteams", "webchat");

    public TestSigningKey WebChatOnly { get; } = new("webchat-key", "webchat");

    public TestSigningKey NoEndorsements { get; } = new("bare-key", endorsements: null);

    public TestSigningKey Outsider { get; } = new("outsider-key", "msteams");

    public FakeBotConnectorIdentity Identity { get; }

    public BotApplication Bot { get; }

    public ConnectorIdentityFixture()
    {
        Identity = new FakeBotConnectorIdentity(Teams, WebChatOnly, NoEndorsements);
        Bot = BotApplication.Authenticated(Identity);
    }

    public void Dispose()
    {
        Bot.Dispose();
        Identity.Dispose();
    }
}

public sealed class InboundAuthenticationTests(ConnectorIdentityFixture fixture) : IClassFixture<ConnectorIdentityFixture>
{
    private static readonly DateTime Now = DateTime.UtcNow;

    private TestToken Good => new()
    {
        Key = fixture.Teams,
        Audience = BotApplication.AppId,
        ServiceUrl = BotApplication.ServiceUrl,
    };

    public static TheoryData<string> BadRequests =>
    [
        "no Authorization header",
        "Basic scheme",
        "Bearer with nothing after it",
        "garbage instead of a JWT",
        "expired beyond the 5 minute skew",
        "not valid yet beyond the 5 minute skew",
        "no exp claim",
        "issuer of the emulator instead of the Bot Connector",
        "audience of the Bot Connector API (the bot's own outbound token replayed)",
        "audience of another app",
        "signed by a key not in the key set",
        "signed by another key reusing a published key id",
        "payload changed after signing",
        "alg none",
        "HS256 with the public key as secret",
        "RS384 instead of RS256",
        "serviceUrl claim for another service",
        "no serviceUrl claim",
        "key endorsed for webchat only",
        "key with no endorsements",
        "activity claims a channel the key is not endorsed for",
    ];

    private (string? Authorization, JsonObject Activity) Build(string scenario)
    {
        var activity = Payloads.ForBot("personal-message.json");
        var good = Good;
        string? header = scenario switch
        {
            "no Authorization header" => null,
            "Basic scheme" => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{BotApplication.AppId}:secret")),
            "Bearer with nothing after it" => "Bearer ",
            "garbage instead of a JWT" => "Bearer not-a.jwt-at-all",
            "expired beyond the 5 minute skew" => Bearer(good with { NotBefore = Now.AddHours(-1), Expires = Now.AddMinutes(-6) }),
            "not valid yet beyond the 5 minute skew" => Bearer(good with { NotBefore = Now.AddMinutes(6), Expires = Now.AddHours(1) }),
            "no exp claim" => Bearer(good with { Expires = null }),
            "issuer of the emulator instead of the Bot Connector" => Bearer(good with { Issuer = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/" }),
            "audience of the Bot Connector API (the bot's own outbound token replayed)" => Bearer(good with { Audience = "https://api.botframework.com" }),
            "audience of another app" => Bearer(good with { Audience = "0a0b0c0d-1111-4222-8333-444455556666" }),
            "signed by a key not in the key set" => Bearer(good with { Key = fixture.Outsider }),
            "signed by another key reusing a published key id" => Bearer(good with { Key = fixture.Outsider, KeyIdHeader = fixture.Teams.KeyId }),
            "payload changed after signing" => "Bearer " + good.CreateTampered("https://attacker.example/"),
            "alg none" => "Bearer " + good.CreateUnsigned(),
            "HS256 with the public key as secret" => "Bearer " + good.CreateHmacWithPublicKey(),
            "RS384 instead of RS256" => Bearer(good with { Algorithm = SecurityAlgorithms.RsaSha384 }),
            "serviceUrl claim for another service" => Bearer(good with { ServiceUrl = "https://attacker.example/" }),
            "no serviceUrl claim" => Bearer(good with { ServiceUrl = null }),
            "key endorsed for webchat only" => Bearer(good with { Key = fixture.WebChatOnly }),
            "key with no endorsements" => Bearer(good with { Key = fixture.NoEndorsements }),
            "activity claims a channel the key is not endorsed for" => Bearer(good),
            _ => throw new ArgumentOutOfRangeException(nameof(scenario)),
        };
        if (scenario == "payload changed after signing")
            activity["serviceUrl"] = "https://attacker.example/";
        if (scenario == "activity claims a channel the key is not endorsed for")
            activity["channelId"] = "skype";
        return (header, activity);
    }

    private static string Bearer(TestToken token) => "Bearer " + token.Create();

    private async Task<HttpResponseMessage> PostAsync(string? authorization, JsonObject activity)
    {
        var client = fixture.Bot.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        var response = await client.SendAsync(request);
        await fixture.Bot.Queue.WhenIdleAsync();
        return response;
    }

    private void Clear(HandlerLog log)
    {
        fixture.Bot.Logs.Lines.Clear();
        while (log.Handled.TryDequeue(out _)) { }
        while (log.Observed.TryDequeue(out _)) { }
    }

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_request_is_refused_with_401_and_nothing_runs_when(string scenario)
    {
        var (authorization, activity) = Build(scenario);
        var log = fixture.Bot.Log;
        Clear(log);

        var response = await PostAsync(authorization, activity);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(log.NothingRan, $"a handler ran for: {scenario}");
        Assert.Equal("""{"error":"Unauthorized."}""", await response.Content.ReadAsStringAsync());
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        var rejections = fixture.Bot.Logs.Lines.Where(l => l.Contains("Rejected an unauthenticated request")).ToList();
        var rejection = Assert.Single(rejections);
        Assert.True(rejection.Contains(ExpectedReason(scenario)), rejection);
    }

    private static string ExpectedReason(string scenario) => scenario switch
    {
        "no Authorization header" => "no Authorization header",
        "Basic scheme" or "Bearer with nothing after it" => "not a Bearer token",
        "garbage instead of a JWT" => "not a JWT",
        "expired beyond the 5 minute skew" => "SecurityTokenExpiredException",
        "not valid yet beyond the 5 minute skew" => "SecurityTokenNotYetValidException",
        "no exp claim" => "SecurityTokenNoExpirationException",
        "issuer of the emulator instead of the Bot Connector" => "SecurityTokenInvalidIssuerException",
        "audience of the Bot Connector API (the bot's own outbound token replayed)" or "audience of another app" => "SecurityTokenInvalidAudienceException",
        "signed by a key not in the key set" => "SecurityTokenSignatureKeyNotFoundException",
        "signed by another key reusing a published key id" or "payload changed after signing" => "SecurityTokenInvalidSignatureException",
        "alg none" => "SecurityTokenInvalidSignatureException",
        "HS256 with the public key as secret" or "RS384 instead of RS256" => "SecurityTokenInvalidSignatureException",
        "serviceUrl claim for another service" => "does not match the activity's serviceUrl",
        "no serviceUrl claim" => "no serviceUrl claim",
        "key endorsed for webchat only" or "key with no endorsements" => "not endorsed for channel 'msteams'",
        "activity claims a channel the key is not endorsed for" => "not endorsed for channel 'skype'",
        _ => throw new ArgumentOutOfRangeException(nameof(scenario)),
    };

    [Fact]
    public async Task A_valid_Bot_Connector_token_is_accepted_and_the_handler_runs()
    {
        Clear(fixture.Bot.Log);

        var response = await PostAsync(Bearer(Good), Payloads.ForBot("personal-message.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var handled = Assert.IsType<MessageActivity>(Assert.Single(fixture.Bot.Log.Handled));
        Assert.Equal("1485983408511", handled.Id);
    }

    [Fact]
    public async Task A_token_expired_within_the_5_minute_skew_is_still_accepted()
    {
        Clear(fixture.Bot.Log);

        var response = await PostAsync(Bearer(Good with { NotBefore = Now.AddHours(-1), Expires = Now.AddMinutes(-4) }), Payloads.ForBot("personal-message.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_scheme_and_the_serviceUrl_claim_spelling_are_case_insensitive()
    {
        Clear(fixture.Bot.Log);
        var token = (Good with { ServiceUrlClaimName = "serviceUrl" }).Create();

        var response = await PostAsync("bearer " + token, Payloads.ForBot("personal-message.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_activity_from_a_tenant_not_allowed_is_refused_with_403_and_nothing_runs()
    {
        Clear(fixture.Bot.Log);

        var response = await PostAsync(Bearer(Good), Payloads.ForBot("personal-message.json", tenantId: BotApplication.OtherTenantId));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.True(fixture.Bot.Log.NothingRan);
    }

    [Fact]
    public async Task An_activity_without_a_tenant_is_refused_with_403()
    {
        Clear(fixture.Bot.Log);
        var activity = Payloads.ForBot("personal-message.json", tenantId: null);
        activity.Remove("channelData");

        var response = await PostAsync(Bearer(Good), activity);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.True(fixture.Bot.Log.NothingRan);
    }

    [Fact]
    public async Task The_tenant_in_conversation_tenantId_counts_when_channelData_has_none()
    {
        Clear(fixture.Bot.Log);
        var activity = Payloads.ForBot("personal-message.json", tenantId: null);
        activity.Remove("channelData");
        activity["conversation"]!["tenantId"] = BotApplication.TenantId;

        var response = await PostAsync(Bearer(Good), activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_signing_keys_are_fetched_once_and_reused()
    {
        await PostAsync(Bearer(Good), Payloads.ForBot("personal-message.json"));
        var fetches = fixture.Identity.KeySetFetches;

        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(Bearer(Good), Payloads.ForBot("personal-message.json"))).StatusCode);

        Assert.Equal(fetches, fixture.Identity.KeySetFetches);
    }
}

public sealed class SigningKeyRotationTests : IDisposable
{
    private readonly TestSigningKey _old = new("old-key", "msteams");
    private readonly TestSigningKey _new = new("new-key", "msteams");
    private readonly FakeBotConnectorIdentity _identity;
    private readonly BotApplication _bot;

    public SigningKeyRotationTests()
    {
        _identity = new FakeBotConnectorIdentity(_old);
        _bot = BotApplication.Authenticated(_identity);
    }

    private async Task<HttpStatusCode> PostAsync(TestSigningKey key)
    {
        var token = new TestToken { Key = key, Audience = BotApplication.AppId, ServiceUrl = BotApplication.ServiceUrl }.Create();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(Payloads.ForBot("personal-message.json").ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await _bot.CreateClient().SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task A_token_signed_with_a_newly_published_key_is_accepted_after_an_immediate_refetch()
    {
        Assert.Equal(HttpStatusCode.OK, await PostAsync(_old));
        Assert.Equal(1, _identity.KeySetFetches);

        _identity.PublishKeys(_old, _new);

        Assert.Equal(HttpStatusCode.OK, await PostAsync(_new));
        Assert.Equal(2, _identity.KeySetFetches);
        Assert.Equal(HttpStatusCode.OK, await PostAsync(_old));
        Assert.Equal(2, _identity.KeySetFetches);
    }

    public void Dispose()
    {
        _bot.Dispose();
        _identity.Dispose();
    }
}

public sealed class UnknownKeyRefreshThrottleTests : IDisposable
{
    private readonly TestSigningKey _key = new("published", "msteams");
    private readonly FakeBotConnectorIdentity _identity;
    private readonly BotApplication _bot;

    public UnknownKeyRefreshThrottleTests()
    {
        _identity = new FakeBotConnectorIdentity(_key);
        _bot = BotApplication.Authenticated(_identity, s => s["Bot:SigningKeysMinimumRefreshInterval"] = "00:05:00");
    }

    [Fact]
    public async Task Tokens_naming_unknown_key_ids_cannot_make_the_bot_refetch_keys_more_than_once_per_interval()
    {
        var client = _bot.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            var forged = new TestToken { Key = new TestSigningKey($"forged-{i}", "msteams"), Audience = BotApplication.AppId, ServiceUrl = BotApplication.ServiceUrl };
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
            {
                Content = new StringContent(Payloads.ForBot("personal-message.json").ToJsonString(), Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", forged.Create());
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(request)).StatusCode);
        }

        Assert.Equal(2, _identity.KeySetFetches);
    }

    public void Dispose()
    {
        _bot.Dispose();
        _identity.Dispose();
    }
}
