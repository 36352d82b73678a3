using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using PmfBot.Bot.Teams.Messaging;
using PmfBot.Tests.Support;
using PmfBot.Domain.Demo;
using PmfBot.Domain.Storage;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace PmfBot.Reliability.Tests.Support;

/// <summary>
/// The real bot (Program) on the demo council at the demo day, as the reliability tests need it:
/// every log line captured, the settings the test asks for (local mode by default), the test's
/// database (SQLite or PostgreSQL, reached directly or through a <see cref="FaultyTcpProxy"/>),
/// and a Bot Connector fake on loopback that accepts everything the bot sends.
/// </summary>
public sealed class BotUnderTest : WebApplicationFactory<Program>
{
    /// <summary>Monday 24 November 2025, 10:00: Q2 2025/26 is the demo's current quarter.</summary>
    public static readonly DateTimeOffset DemoDay = new(2025, 11, 24, 10, 0, 0, TimeSpan.Zero);

    public const string TenantId = "9b2d6c4e-1f3a-4e5b-8c7d-0a1b2c3d4e5f";

    /// <summary>Where the connector fake also plays Entra's token endpoint (authenticated mode).</summary>
    public const string TokenPath = "/botframework.com/oauth2/v2.0/token";

    /// <summary>The access token the fake token endpoint issues.</summary>
    public const string AccessToken = "connector-access-token-issued-to-the-bot";

    private readonly Dictionary<string, string?> _settings;
    private readonly string? _hostConnectionString;
    private readonly Action<IServiceCollection>? _services;
    private readonly LogLevel _minimumLevel;

    /// <param name="hostConnectionString">The host's PostgreSQL connection string when it differs from the test's (a fault proxy).</param>
    public BotUnderTest(
        TestDatabase database,
        Dictionary<string, string?>? settings = null,
        string? hostConnectionString = null,
        Action<IServiceCollection>? services = null,
        LogLevel minimumLevel = LogLevel.Information)
    {
        Database = database;
        _settings = settings ?? [];
        _hostConnectionString = hostConnectionString;
        _services = services;
        _minimumLevel = minimumLevel;
        Connector = WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{FreePort.Next()}"] });
        Connector.Given(Request.Create().UsingAnyMethod().WithPath(p => p.StartsWith("/v3/conversations", StringComparison.Ordinal)))
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { id = "1:bot-message" }));
        Connector.Given(Request.Create().WithPath(TokenPath).UsingPost())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json")
                .WithBody($$"""{"token_type":"Bearer","expires_in":3600,"ext_expires_in":3600,"access_token":"{{AccessToken}}"}"""));
    }

    public TestDatabase Database { get; }

    public TimeProvider Clock { get; } = new DemoDayClock(DemoDay);

    public WireMockServer Connector { get; }

    public string ServiceUrl => Connector.Url! + "/";

    public CapturedLogs Logs { get; } = new();

    public ActivityQueue Queue => Services.GetRequiredService<ActivityQueue>();

    public PmfDbContext NewContext() => Database.NewContext();

    /// <summary>Posts raw bytes to /api/messages, as Teams would (with a bearer token in authenticated mode).</summary>
    public async Task<HttpResponseMessage> PostAsync(byte[] body, string? bearerToken = null)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        if (bearerToken is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        using var client = CreateClient();
        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        await Queue.WhenIdleAsync();
        return response;
    }

    /// <summary>A well-formed activity from a demo person, as Teams sends it in a 1:1 chat.</summary>
    public JsonObject Activity(DemoPerson person, string type) => new()
    {
        ["type"] = type,
        ["id"] = Guid.NewGuid().ToString("N"),
        ["channelId"] = "msteams",
        ["serviceUrl"] = ServiceUrl,
        ["timestamp"] = Clock.GetUtcNow().ToString("O"),
        ["locale"] = "en-GB",
        ["from"] = new JsonObject { ["id"] = "29:" + person.Email, ["name"] = person.Name, ["aadObjectId"] = person.EntraObjectId },
        ["recipient"] = new JsonObject { ["id"] = "28:pmfbot", ["name"] = "PmfBot" },
        ["conversation"] = new JsonObject { ["id"] = "a:" + person.Email, ["conversationType"] = "personal", ["tenantId"] = TenantId },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
    };

    public JsonObject Message(DemoPerson person, string text)
    {
        var activity = Activity(person, "message");
        activity["text"] = text;
        return activity;
    }

    /// <summary>A click on a card button (Action.Execute), the card's inputs merged into <paramref name="data"/>.</summary>
    public JsonObject Click(DemoPerson person, string verb, JsonObject data)
    {
        var activity = Activity(person, "invoke");
        activity["name"] = "adaptiveCard/action";
        activity["replyToId"] = "1:card-message";
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        };
        return activity;
    }

    /// <summary>
    /// Says <paramref name="text"/> as <paramref name="person"/> and returns the cards the bot answered with.
    /// WireMock logs a request just after answering it, so the answer is waited for briefly.
    /// </summary>
    public async Task<IReadOnlyList<JsonObject>> SayAsync(DemoPerson person, string text, string? bearerToken = null)
    {
        var before = Connector.LogEntries.Count();
        await PostAsync(System.Text.Encoding.UTF8.GetBytes(Message(person, text).ToJsonString()), bearerToken);
        for (var waited = 0; Connector.LogEntries.Count() == before && waited < 2000; waited += 20)
            await Task.Delay(20);
        return CardsSentSince(before);
    }

    /// <summary>The cards the bot sent to the connector fake since <paramref name="requestsBefore"/> requests.</summary>
    public IReadOnlyList<JsonObject> CardsSentSince(int requestsBefore) =>
        Connector.LogEntries.Skip(requestsBefore)
            .Where(e => e.RequestMessage.Path.StartsWith("/v3/conversations", StringComparison.Ordinal))
            .Select(e => JsonNode.Parse(e.RequestMessage.Body ?? "{}") as JsonObject)
            .SelectMany(body => body?["attachments"]?.AsArray() ?? [])
            .Select(a => a!["content"]!.AsObject())
            .ToList();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Connector.Stop();
        await Database.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Pmf", _hostConnectionString ?? Database.Options.PostgresConnectionString ?? "");
        builder.UseSetting("Storage:SqlitePath", Database.Options.SqlitePath);
        builder.UseSetting("Demo:Seed", "true");
        // No Hangfire server: the tests run the delivery job themselves.
        builder.UseSetting("Scheduler:Role", "web");
        // Replies go to the loopback fake: fail fast rather than wait out production back-offs.
        builder.UseSetting("Bot:Connector:RetryBaseDelay", "00:00:00.010");
        builder.UseSetting("Bot:Connector:RetryMaxDelay", "00:00:00.050");
        builder.UseSetting("Bot:Connector:AttemptTimeout", "00:00:02");
        builder.UseSetting("Bot:Connector:TotalTimeout", "00:00:05");
        builder.UseSetting("Bot:Connector:MaxRetryAttempts", "1");
        builder.UseSetting("Bot:TokenEndpoint", Connector.Url + TokenPath);
        // appsettings.json quietens Microsoft.* and HttpClient: a test asking for more gets it everywhere.
        if (_minimumLevel < LogLevel.Information)
        {
            foreach (var category in new[] { "Default", "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "System.Net.Http.HttpClient" })
                builder.UseSetting($"Logging:LogLevel:{category}", _minimumLevel.ToString());
        }

        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);

        // Captured, not printed: a thousand hostile requests would bury the test output in warnings.
        builder.ConfigureLogging(logging => logging.ClearProviders().AddProvider(Logs).SetMinimumLevel(_minimumLevel)
            .AddFilter("Polly", _minimumLevel < LogLevel.Information ? _minimumLevel : LogLevel.Warning));
        builder.ConfigureTestServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            _services?.Invoke(services);
        });
    }
}
