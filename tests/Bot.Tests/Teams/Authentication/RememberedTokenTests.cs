using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using PmfBot.Bot.Teams.Authentication;
using PmfBot.Bot.Tests.Teams.Support;
using PmfBot.Tests.Support;

namespace PmfBot.Bot.Tests.Teams.Authentication;

/// <summary>
/// The Connector sends one token with every activity for an hour; the bot checks its signature once and
/// remembers that it passed. What can change after that must still be checked on every request: the
/// token's lifetime, and whether its key is still published.
/// </summary>
public sealed class RememberedTokenTests : IDisposable
{
    private readonly TestSigningKey _old = new("old-key", "msteams");
    private readonly TestSigningKey _new = new("new-key", "msteams");
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly FakeBotConnectorIdentity _identity;
    private readonly BotApplication _bot;

    public RememberedTokenTests()
    {
        _identity = new FakeBotConnectorIdentity(_old);
        var settings = new Dictionary<string, string?>
        {
            ["Bot:AppId"] = BotApplication.AppId,
            ["Bot:AppPassword"] = "test-secret-not-real",
            ["Bot:OpenIdMetadataUrl"] = _identity.MetadataUrl,
            ["Bot:AllowedTenants:0"] = BotApplication.TenantId,
            ["Bot:SigningKeysRefreshInterval"] = "00:10:00",
        };
        _bot = new BotApplication(settings, services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock));
            services.Replace(ServiceDescriptor.Singleton(new TokenClock(_clock)));
        });
    }

    private string Token(TestSigningKey key, int minutes = 55) => new TestToken
    {
        Key = key,
        Audience = BotApplication.AppId,
        ServiceUrl = BotApplication.ServiceUrl,
        NotBefore = _clock.GetUtcNow().UtcDateTime.AddMinutes(-1),
        Expires = _clock.GetUtcNow().UtcDateTime.AddMinutes(minutes),
    }.Create();

    private async Task<HttpStatusCode> PostAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(Payloads.ForBot("personal-message.json").ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await _bot.CreateClient().SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task A_token_used_again_is_accepted_until_its_lifetime_and_the_skew_are_over_then_refused()
    {
        var token = Token(_old, minutes: 10);
        Assert.Equal(HttpStatusCode.OK, await PostAsync(token));

        _clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(token));

        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(token));
    }

    [Fact]
    public async Task A_token_used_again_is_refused_once_its_key_is_withdrawn_from_the_Connector_key_set()
    {
        var token = Token(_old);
        Assert.Equal(HttpStatusCode.OK, await PostAsync(token));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(token));

        _identity.PublishKeys(_new);
        _clock.Advance(TimeSpan.FromMinutes(11));

        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(token));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(Token(_new)));
    }

    [Fact]
    public async Task A_token_that_failed_is_checked_in_full_every_time_not_remembered()
    {
        var forged = Token(new TestSigningKey("old-key", "msteams"));

        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(forged));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(forged));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(Token(_old)));
    }

    public void Dispose()
    {
        _bot.Dispose();
        _identity.Dispose();
    }
}
