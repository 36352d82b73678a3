using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PmfBot.Bot.Teams.Messaging;
using PmfBot.Bot.Tests.Conversation.Support;
using PmfBot.Bot.Tests.Teams.Support;
using PmfBot.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace PmfBot.Bot.Tests.MessageExtensions.Support;

/// <summary>
/// The real bot (Program) as Teams reaches it in production: an app id, activities signed by a test key
/// the fake Bot Connector identity publishes (JWT checked, serviceUrl claim, tenant allow-list), and
/// the connector fake (<see cref="ConversationBot"/>'s, real HTTP on loopback) also playing Entra's token
/// endpoint for the bot's outbound token. On the demo council, or on a council's own data (demo off).
/// </summary>
public sealed class SignedInTeams : IAsyncDisposable
{
    public const string AppId = BotApplication.AppId;
    private const string TokenPath = "/botframework.com/oauth2/v2.0/token";

    public SignedInTeams(bool seedDemo = true, bool publication = false)
    {
        Identity = new FakeBotConnectorIdentity(Key);
        Bot = new ConversationBot(seedDemo: seedDemo);
        Bot.Connector.Given(Request.Create().WithPath(TokenPath).UsingPost())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json")
                .WithBody("""{"token_type":"Bearer","expires_in":3600,"ext_expires_in":3600,"access_token":"outbound-token"}"""));
        Host = Bot.WithWebHostBuilder(web =>
        {
            web.UseSetting("Bot:AppId", AppId);
            web.UseSetting("Bot:AppPassword", "test-secret-not-real");
            web.UseSetting("Bot:OpenIdMetadataUrl", Identity.MetadataUrl);
            web.UseSetting("Bot:AllowedTenants:0", TeamsUser.CouncilTenant);
            web.UseSetting("Bot:SigningKeysMinimumRefreshInterval", "00:00:00");
            web.UseSetting("Bot:TokenEndpoint", Bot.Connector.Url + TokenPath);
            web.UseSetting("Publication:Enabled", publication ? "true" : "false");
            web.UseSetting("Publication:CouncilName", publication ? "Test City Council" : "");
        });
    }

    public TestSigningKey Key { get; } = new("teams-key", "msteams");

    public FakeBotConnectorIdentity Identity { get; }

    /// <summary>The database, the clock and the connector fake (its own host is never started).</summary>
    public ConversationBot Bot { get; }

    public WebApplicationFactory<Program> Host { get; }

    public string ServiceUrl => Bot.ServiceUrl;

    /// <summary>A Teams activity from <paramref name="user"/> in <paramref name="conversationId"/>.</summary>
    public JsonObject Activity(TeamsUser user, string type, string conversationId, string conversationType = "personal") => new()
    {
        ["type"] = type,
        ["id"] = Guid.NewGuid().ToString("N"),
        ["channelId"] = "msteams",
        ["serviceUrl"] = ServiceUrl,
        ["timestamp"] = Bot.Clock.GetUtcNow().ToString("O"),
        ["from"] = new JsonObject { ["id"] = user.UserId, ["name"] = user.Name, ["aadObjectId"] = user.ObjectId },
        ["recipient"] = new JsonObject { ["id"] = "28:" + AppId, ["name"] = "PmfBot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = conversationType, ["tenantId"] = user.TenantId, ["isGroup"] = conversationType != "personal" },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = user.TenantId } },
    };

    /// <summary>An invoke, signed as the Bot Connector signs it (or with <paramref name="authorization"/> instead): the HTTP answer.</summary>
    public Task<HttpResponseMessage> InvokeAsync(TeamsUser user, string name, JsonNode value, string conversationType = "personal", string? authorization = null)
    {
        var activity = Activity(user, "invoke", conversationType == "personal" ? user.PersonalConversationId : "19:chat-with-colleagues@thread.v2", conversationType);
        activity["name"] = name;
        activity["value"] = value;
        return PostAsync(activity, authorization);
    }

    /// <summary>Posts an activity to /api/messages with a valid Bot Connector token unless <paramref name="authorization"/> is given.</summary>
    public async Task<HttpResponseMessage> PostAsync(JsonObject activity, string? authorization = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", authorization ?? "Bearer " + new TestToken { Key = Key, Audience = AppId, ServiceUrl = ServiceUrl }.Create());
        return await Host.CreateClient().SendAsync(request);
    }

    /// <summary>Waits until the background handlers are done and every connector call they made is logged.</summary>
    public async Task SettledAsync()
    {
        await Host.Services.GetRequiredService<ActivityQueue>().WhenIdleAsync();
        await Bot.ConnectorSettledAsync();
    }

    /// <summary>What the bot posted to the connector fake (bodies of POSTs under /v3/conversations/.../activities).</summary>
    public IReadOnlyList<(string Path, JsonObject Body)> Posts() =>
        Bot.Connector.LogEntries
            .Where(e => e.RequestMessage.Method == "POST" && e.RequestMessage.Path.EndsWith("/activities", StringComparison.Ordinal))
            .Select(e => (e.RequestMessage.Path, JsonNode.Parse(e.RequestMessage.Body ?? "{}")!.AsObject()))
            .ToList();

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Bot.DisposeAsync();
        Identity.Dispose();
    }
}
