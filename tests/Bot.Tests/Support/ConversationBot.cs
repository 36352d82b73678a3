using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.Options;
using PmfBot.Bot.Linking;
using PmfBot.Bot.Teams.Configuration;
using PmfBot.Bot.Teams.Connector;
using PmfBot.Bot.Teams.Messaging;
using PmfBot.Domain.Conversations;
using PmfBot.Domain.Demo;
using PmfBot.Domain.Storage;
using PmfBot.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace PmfBot.Bot.Tests.Support;

/// <summary>
/// The real bot (Program) in local mode on the demo council, with the clock at a fixed day and a
/// Bot Connector fake on loopback (real HTTP) that records what the bot sends. People talk to it
/// as Teams would: activities posted to /api/messages carrying their Entra object id.
/// <para>
/// One bot may serve every test of a class (<see cref="SharedDemoBot"/>): <see cref="ResetAsync"/> puts
/// it back as it started (the database's rows, the clock, what it remembers, the fake's log) before each test.
/// </para>
/// </summary>
public sealed class ConversationBot : WebApplicationFactory<Program>
{
    /// <summary>Monday 24 November 2025, 10:00: Q2 2025/26 is the demo's current quarter.</summary>
    public static readonly DateTimeOffset DemoDay = new(2025, 11, 24, 10, 0, 0, TimeSpan.Zero);

    private readonly TestDatabase _database;

    private readonly bool _demoClock;

    private readonly bool _seedDemo;

    private readonly Action<IServiceCollection>? _alsoServices;

    private readonly AnsweredCalls _connectorCalls = new();

    /// <summary>The database as the host left it after its start (schema, demo council), once a test asked for a reset.</summary>
    private CouncilSnapshot? _snapshot;

    /// <summary>What the bot remembers between messages (sightings, refusals): new for each test, as after a start.</summary>
    private RecentSightings _sightings = new();

    private RecentRefusals _refusals = new();

    /// <summary>Tests reset so far: Teams' rate limits see each test start two hours after the last.</summary>
    private int _resets;

    /// <param name="demoClock">Run on the local demo's clock (over <see cref="Clock"/>), as scripts/run.sh does.</param>
    /// <param name="alsoServices">Replaces services after the bot's own registrations (faults).</param>
    /// <param name="seedDemo">False: start with an empty database (a council's own data, saved by the test).</param>
    public ConversationBot(TestDatabase? database = null, bool demoClock = false, Action<IServiceCollection>? alsoServices = null, bool seedDemo = true)
    {
        _demoClock = demoClock;
        _seedDemo = seedDemo;
        _alsoServices = alsoServices;
        _database = database ?? new SqliteTestDatabase();
        Connector = WireMockServer.Start();
        AnswerEverySend();
    }

    /// <summary>The bot's clock; a reset puts a new one at <see cref="DemoDay"/> (a fake clock cannot go back).</summary>
    public FakeTimeProvider Clock { get; private set; } = new(DemoDay);

    public WireMockServer Connector { get; }

    /// <summary>Every log line the bot writes, with its structured properties.</summary>
    public CapturedLogs Logs { get; } = new();

    public string ServiceUrl => Connector.Url! + "/";

    public TestDatabase Database => _database;

    public PmfDbContext NewContext() => _database.NewContext();

    /// <summary>Sends a chat message from a demo person and returns the cards the bot answered with.</summary>
    public Task<IReadOnlyList<JsonObject>> SayAsync(DemoPerson person, string text, string conversationType = "personal") =>
        SayAsync(TeamsUser.Of(person), text, conversationType);

    /// <summary>
    /// Sends a chat message from any Teams account and returns the cards the bot answered with. In a
    /// channel, <paramref name="channelData"/> replaces the activity's (team, channel, tenant).
    /// </summary>
    public async Task<IReadOnlyList<JsonObject>> SayAsync(TeamsUser user, string text, string conversationType = "personal", JsonObject? channelData = null)
    {
        var before = Connector.LogEntries.Count();
        var activity = Activity(user, "message", conversationType);
        activity["text"] = text;
        if (channelData is not null)
        {
            activity["channelData"] = channelData;
        }

        var response = await CreateClient().PostAsJsonAsync("/api/messages", activity);
        response.EnsureSuccessStatusCode();
        await Services.GetRequiredService<ActivityQueue>().WhenIdleAsync();
        await ConnectorSettledAsync();
        return Connector.LogEntries.Skip(before)
            .Select(e => JsonNode.Parse(e.RequestMessage.Body ?? "{}") as JsonObject)
            .SelectMany(body => body?["attachments"]?.AsArray() ?? [])
            .Select(a => a!["content"]!.AsObject())
            .ToList();
    }

    /// <summary>Clicks a card button (Action.Execute) as a demo person; returns the invoke response body.</summary>
    public async Task<JsonObject> ClickAsync(DemoPerson person, string verb, JsonObject data, string replyToId = "1:card-message")
    {
        var activity = Activity(TeamsUser.Of(person), "invoke", "personal");
        activity["name"] = "adaptiveCard/action";
        activity["replyToId"] = replyToId;
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        };
        var response = await CreateClient().PostAsJsonAsync("/api/messages", activity);
        response.EnsureSuccessStatusCode();
        await ConnectorSettledAsync();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>
    /// Waits until the connector fake's log holds every call the bot has had answered: WireMock records
    /// a request only just after answering it, so a log read the moment the bot is done can miss the last one.
    /// </summary>
    public async Task ConnectorSettledAsync()
    {
        for (var waited = 0; Connector.LogEntries.Count() < _connectorCalls.Answered && waited < 5_000; waited += 10)
            await Task.Delay(10);
    }

    /// <summary>
    /// Puts the bot back as it started, for the next test of a class that shares it: every PmfBot table
    /// holds the rows it held after the start (the demo council, or nothing), the clock is at
    /// <see cref="DemoDay"/>, nothing is remembered, the logs and the connector fake's log are empty and
    /// the fake answers every send again. The first call starts the host and keeps its database as the start.
    /// </summary>
    public async Task ResetAsync()
    {
        _ = Services; // starts the host: schema and (unless seedDemo is false) the demo council
        await Services.GetRequiredService<ActivityQueue>().WhenIdleAsync();
        await ConnectorSettledAsync();
        if (_snapshot is null)
        {
            _snapshot = await CouncilSnapshot.TakeAsync(_database.Options);
        }
        else
        {
            await _snapshot.RestoreAsync();
        }

        var watch = Services.GetRequiredService<DataVersionWatch>();
        watch.Forget();
        watch.Priorities.Changed((IReadOnlyCollection<Guid>?)null);
        Clock = new FakeTimeProvider(DemoDay);
        _resets++;
        _sightings = new RecentSightings();
        _refusals = new RecentRefusals();
        Connector.Reset();
        AnswerEverySend();
        _connectorCalls.Reset();
        Logs.Clear();
    }

    /// <summary>The card in an invoke response (statusCode 200, adaptive card).</summary>
    public static JsonObject CardOf(JsonObject invokeResponse)
    {
        Assert.True(invokeResponse["statusCode"]!.GetValue<int>() == 200, $"Not a card: {invokeResponse.ToJsonString()}");
        Assert.Equal("application/vnd.microsoft.card.adaptive", invokeResponse["type"]!.GetValue<string>());
        return invokeResponse["value"]!.AsObject();
    }

    /// <summary>Every text on a card, joined: what a person would read.</summary>
    public static string TextOf(JsonNode card) => string.Join(" | ", Texts(card));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Connector.Stop();
        if (_snapshot is not null)
        {
            await _snapshot.DisposeAsync();
        }

        await _database.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Pmf", _database.Options.PostgresConnectionString ?? "");
        builder.UseSetting("Storage:SqlitePath", _database.Options.SqlitePath);
        builder.UseSetting("Demo:Seed", _seedDemo ? "true" : "false");
        // No Hangfire server: the tests run the cycle and the delivery themselves.
        builder.UseSetting("Scheduler:Role", "web");
        // These tests check what a click answers, not how fast: under load (CI, two busy cores) a cold first
        // click overran the production 10 s and got the router's timeout. MessagesEndpointTests test the timeout.
        builder.UseSetting("Bot:InvokeTimeout", "00:01:00");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            var clock = new CurrentClock(() => Clock);
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_demoClock ? new PmfBot.Bot.Demo.DemoClock(clock, start: null) : clock));
            // Asked for by scoped services only: each request gets what this test's bot remembers.
            services.Replace(ServiceDescriptor.Transient(_ => _sightings));
            services.Replace(ServiceDescriptor.Transient(_ => _refusals));
            // The rate limiter keeps the times of its sends: on a clock back at the demo day, a shared bot's
            // earlier tests would fill its windows and the next send would wait for a fake clock that never moves.
            var rateClock = new CurrentClock(() => Clock, () => TimeSpan.FromHours(2 * _resets));
            services.Replace(ServiceDescriptor.Singleton(sp => new ConnectorRateLimiter(sp.GetRequiredService<IOptions<BotOptions>>(), rateClock)));
            services.ConfigureHttpClientDefaults(client => client.AddHttpMessageHandler(() => new AnsweredCalls.Counter(_connectorCalls, new Uri(ServiceUrl))));
            _alsoServices?.Invoke(services);
        });
    }

    /// <summary>The Bot Connector fake answers every send (and update) as Teams does.</summary>
    private void AnswerEverySend() =>
        Connector.Given(Request.Create().UsingAnyMethod().WithPath(p => p.StartsWith("/v3/conversations", StringComparison.Ordinal)))
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { id = "1:bot-message" }));

    private JsonObject Activity(TeamsUser person, string type, string conversationType) => new()
    {
        ["type"] = type,
        ["id"] = Guid.NewGuid().ToString("N"),
        ["channelId"] = "msteams",
        ["serviceUrl"] = ServiceUrl,
        ["timestamp"] = Clock.GetUtcNow().ToString("O"),
        ["from"] = new JsonObject { ["id"] = "29:" + person.Email, ["name"] = person.Name, ["aadObjectId"] = person.ObjectId },
        ["recipient"] = new JsonObject { ["id"] = "28:pmfbot", ["name"] = "PmfBot" },
        ["conversation"] = new JsonObject
        {
            ["id"] = conversationType == "channel" ? "19:board@thread.tacv2;messageid=1" : "a:" + person.Email,
            ["conversationType"] = conversationType,
            ["tenantId"] = person.TenantId,
        },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = person.TenantId } },
    };

    private static IEnumerable<string> Texts(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key is "text" or "title" or "label" or "value" && value is JsonValue v && v.TryGetValue<string>(out var s))
                    {
                        yield return s;
                    }
                    else
                    {
                        foreach (var inner in Texts(value))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var inner in Texts(item))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }
}

/// <summary>Whatever <see cref="ConversationBot.Clock"/> is now: the host keeps one TimeProvider for its life, a reset brings a new fake clock.</summary>
/// <remarks><paramref name="later"/>: how far ahead of it this clock runs (none for the bot's own clock).</remarks>
internal sealed class CurrentClock(Func<TimeProvider> current, Func<TimeSpan>? later = null) : TimeProvider
{
    public override TimeZoneInfo LocalTimeZone => current().LocalTimeZone;

    public override long TimestampFrequency => current().TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => current().GetUtcNow() + (later?.Invoke() ?? TimeSpan.Zero);

    public override long GetTimestamp() => current().GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        current().CreateTimer(callback, state, dueTime, period);
}

/// <summary>
/// Whoever Teams says is speaking: an Entra object id, a name, an email that also makes their Teams
/// ids (<c>29:{email}</c>, personal chat <c>a:{email}</c>) and their tenant. The email is not sent on
/// the activity (Teams does not send it): only the member look-up answers it.
/// </summary>
public sealed record TeamsUser(string ObjectId, string Name, string Email, string TenantId = TeamsUser.CouncilTenant)
{
    public const string CouncilTenant = "9b2d6c4e-1f3a-4e5b-8c7d-0a1b2c3d4e5f";

    /// <summary>The Teams user id (<c>29:...</c>) the bot sees.</summary>
    public string UserId => "29:" + Email;

    /// <summary>The personal chat's conversation id.</summary>
    public string PersonalConversationId => "a:" + Email;

    public static TeamsUser Of(DemoPerson person) => new(person.EntraObjectId, person.Name, person.Email);
}

/// <summary>How many requests to one host the bot has had an answer to (counted on the bot's side of the wire).</summary>
internal sealed class AnsweredCalls
{
    private int _answered;

    public int Answered => Volatile.Read(ref _answered);

    public void Reset() => Interlocked.Exchange(ref _answered, 0);

    internal sealed class Counter(AnsweredCalls calls, Uri host) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (request.RequestUri is { } uri && uri.Port == host.Port && uri.Host == host.Host)
                Interlocked.Increment(ref calls._answered);
            return response;
        }
    }
}
