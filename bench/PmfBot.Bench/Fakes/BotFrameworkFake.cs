using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace PmfBot.Bench.Fakes;

/// <summary>
/// Microsoft's side of a Teams bot, on Kestrel over loopback: the Bot Connector's OpenID metadata and
/// signing keys, Entra's client-credentials token endpoint, and the Bot Connector REST API (create a
/// conversation, send, reply) enforcing <see cref="TeamsLimits"/>, optionally refusing a share of calls
/// with 429 at random (seeded) and answering after a fixed latency. Counts every message per conversation.
/// </summary>
public sealed class BotFrameworkFake : IAsyncDisposable
{
    public const string MetadataPath = "/v1/.well-known/openidconfiguration";
    public const string KeysPath = "/v1/.well-known/keys";
    public const string TokenPath = "/botframework.com/oauth2/v2.0/token";

    private readonly WebApplication _app;
    private readonly TeamsLimits _limits;
    private readonly double _random429Share;
    private readonly Random _random;
    private readonly Lock _randomGate = new();
    private readonly TimeSpan _latency;
    private readonly ConcurrentDictionary<string, int> _messages = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> _awaitedReplies = new(StringComparer.Ordinal);
    private int _requests;
    private int _creates;
    private int _refusedByLimits;
    private int _refusedAtRandom;
    private int _tokens;
    private long _firstRequest;
    private long _lastRequest;

    private BotFrameworkFake(WebApplication app, TeamsLimits limits, double random429Share, int seed, TimeSpan latency)
    {
        _app = app;
        _limits = limits;
        _random429Share = random429Share;
        _random = new Random(seed);
        _latency = latency;
    }

    public string BaseUrl { get; private set; } = "";

    /// <summary>The service URL activities carry and conversation references store: the connector's address.</summary>
    public string ServiceUrl => BaseUrl + "/";

    public string MetadataUrl => BaseUrl + MetadataPath;

    public string TokenUrl => BaseUrl + TokenPath;

    public int Requests => Volatile.Read(ref _requests);

    public int Creates => Volatile.Read(ref _creates);

    public int RefusedByLimits => Volatile.Read(ref _refusedByLimits);

    public int RefusedAtRandom => Volatile.Read(ref _refusedAtRandom);

    public int TokenRequests => Volatile.Read(ref _tokens);

    /// <summary>Messages accepted (sent or replied), by conversation id.</summary>
    public IReadOnlyDictionary<string, int> MessagesByConversation => _messages;

    /// <summary>From the first connector request to the last, as the fake saw them.</summary>
    public TimeSpan Busy => Stopwatch.GetElapsedTime(Interlocked.Read(ref _firstRequest), Interlocked.Read(ref _lastRequest));

    public static async Task<BotFrameworkFake> StartAsync(BenchSigningKey key, TeamsLimits limits, double random429Share = 0, int seed = 7, TimeSpan latency = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new BotFrameworkFake(app, limits, random429Share, seed, latency);
        fake.Map(app, key);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = address.TrimEnd('/');
        return fake;
    }

    /// <summary>Completes with the Stopwatch timestamp at which the bot's reply to <paramref name="activityId"/> arrives.</summary>
    public Task<long> ReplyTo(string activityId) =>
        _awaitedReplies.GetOrAdd(activityId, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void ForgetReply(string activityId) => _awaitedReplies.TryRemove(activityId, out _);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Map(WebApplication app, BenchSigningKey key)
    {
        app.MapGet(MetadataPath, () => Results.Json(new JsonObject
        {
            ["issuer"] = BenchSigningKey.Issuer,
            ["authorization_endpoint"] = "https://invalid.botframework.com",
            ["jwks_uri"] = BaseUrl + KeysPath,
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
        }));
        app.MapGet(KeysPath, () => Results.Json(new JsonObject { ["keys"] = new JsonArray(key.ToJwk()) }));
        app.MapPost(TokenPath, () =>
        {
            Interlocked.Increment(ref _tokens);
            return Results.Json(new JsonObject { ["token_type"] = "Bearer", ["expires_in"] = 3600, ["access_token"] = "bench-connector-token" });
        });

        app.MapPost("/v3/conversations", async (HttpContext http) =>
        {
            var body = await JsonNode.ParseAsync(http.Request.Body);
            var member = body?["members"]?[0]?["id"]?.GetValue<string>();
            var conversation = member is not null && member.StartsWith("29:bench-", StringComparison.Ordinal)
                ? "a:bench-" + member["29:bench-".Length..]
                : "19:created-" + Guid.NewGuid().ToString("N");
            if (await RefuseAsync(http, conversation) is { } refused)
            {
                return refused;
            }

            Interlocked.Increment(ref _creates);
            return Results.Json(new JsonObject { ["id"] = conversation, ["activityId"] = null });
        });
        app.MapPost("/v3/conversations/{conversation}/activities", (HttpContext http, string conversation) => AcceptMessageAsync(http, conversation, null));
        app.MapPost("/v3/conversations/{conversation}/activities/{replyTo}", (HttpContext http, string conversation, string replyTo) => AcceptMessageAsync(http, conversation, replyTo));
    }

    private async Task<IResult> AcceptMessageAsync(HttpContext http, string conversation, string? replyTo)
    {
        await http.Request.Body.CopyToAsync(Stream.Null);
        if (await RefuseAsync(http, conversation) is { } refused)
        {
            return refused;
        }

        _messages.AddOrUpdate(conversation, 1, (_, n) => n + 1);
        if (replyTo is not null && _awaitedReplies.TryRemove(replyTo, out var waiter))
        {
            waiter.TrySetResult(Stopwatch.GetTimestamp());
        }

        return Results.Json(new JsonObject { ["id"] = "1:" + Guid.NewGuid().ToString("N") });
    }

    /// <summary>
    /// 429 when a limit is reached (Retry-After: when it opens again) or at random; null when accepted.
    /// Judged on arrival, answered after the latency.
    /// </summary>
    private async Task<IResult?> RefuseAsync(HttpContext http, string conversation)
    {
        var now = Stopwatch.GetTimestamp();
        Interlocked.CompareExchange(ref _firstRequest, now, 0);
        Interlocked.Exchange(ref _lastRequest, now);
        Interlocked.Increment(ref _requests);
        bool atRandom;
        lock (_randomGate)
        {
            atRandom = _random.NextDouble() < _random429Share;
        }

        var wait = atRandom ? null : _limits.TryGrant(conversation, DateTime.UtcNow.Ticks);
        if (_latency > TimeSpan.Zero)
        {
            await Task.Delay(_latency);
        }

        if (atRandom)
        {
            Interlocked.Increment(ref _refusedAtRandom);
            return TooManyRequests(http, TimeSpan.FromSeconds(1));
        }

        if (wait is { } refusedFor)
        {
            Interlocked.Increment(ref _refusedByLimits);
            return TooManyRequests(http, refusedFor);
        }

        return null;
    }

    private static IResult TooManyRequests(HttpContext http, TimeSpan wait)
    {
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Json(new JsonObject { ["error"] = new JsonObject { ["code"] = "TooManyRequests", ["message"] = "Too many requests." } }, statusCode: 429);
    }
}
