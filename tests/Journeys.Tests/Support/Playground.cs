using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text.Json.Nodes;

namespace PmfBot.Journeys.Tests.Support;

/// <summary>
/// One demo person's Teams: Microsoft's Agents Playground started by scripts/playground.sh (telemetry
/// off: APPLICATION_INSIGHTS_NO_STATSBEAT=1 and --disable-telemetry) with that person's
/// playground/&lt;persona&gt;.yml, driven through its own HTTP API, with everything the bot posts
/// read from its WebSocket stream.
/// </summary>
public sealed class Playground : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly HttpClient _http;
    private readonly ChildProcess _process;
    private readonly ClientWebSocket _socket = new();
    private readonly List<BotMessage> _messages = [];
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly CancellationTokenSource _stop = new();
    private Task? _reader;

    private Playground(string persona, int port, ChildProcess process)
    {
        Persona = persona;
        Port = port;
        _process = process;
        _http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(60) };
    }

    public string Persona { get; }

    public int Port { get; }

    public Uri Url => new($"http://localhost:{Port}/");

    public string UserId { get; private set; } = "";

    public string UserName { get; private set; } = "";

    public string PersonalChatId { get; private set; } = "";

    /// <summary>The board channel in this person's team (playground/&lt;persona&gt;.yml).</summary>
    public string ChannelId { get; private set; } = "";

    /// <summary>The playground's mock Teams context (GET /_internal/v1/config): tenant, bot, users, team.</summary>
    public JsonObject Config { get; private set; } = [];

    /// <summary>How many bot messages have arrived so far: a mark to wait from.</summary>
    public int Mark
    {
        get
        {
            lock (_messages)
            {
                return _messages.Count;
            }
        }
    }

    public string Log => _process.Output;

    /// <param name="configPath">A config file of one's own (a council's people) instead of playground/&lt;persona&gt;.yml.</param>
    public static async Task<Playground> StartAsync(string persona, Uri botEndpoint, string? configPath = null)
    {
        var port = FreePort();
        var process = ChildProcess.Start(
            $"playground {persona}",
            "bash",
            [Repository.Script("playground.sh"), configPath ?? persona, port.ToString()],
            new Dictionary<string, string> { ["PMFBOT_ENDPOINT"] = botEndpoint.ToString() });
        var playground = new Playground(persona, port, process);
        await playground.WaitUntilUpAsync();
        return playground;
    }

    /// <summary>Types a message in the person's 1:1 chat with the bot.</summary>
    public async Task SayAsync(string text)
    {
        var sent = await _http.PostAsJsonAsync(
            $"_conversation/v1/conversations/{Uri.EscapeDataString(PersonalChatId)}/messages",
            new JsonObject { ["from"] = new JsonObject { ["id"] = UserId }, ["text"] = text, ["textFormat"] = "plain" });
        await EnsureAsync(sent, $"{UserName} says \"{text}\"");
    }

    /// <summary>Says something and waits for the bot's card in reply.</summary>
    public async Task<BotMessage> AskAsync(string text, Func<BotMessage, bool>? wanted = null)
    {
        var mark = Mark;
        await SayAsync(text);
        return await WaitForAsync(mark, m => m.ConversationId == PersonalChatId && m.Card is not null && (wanted?.Invoke(m) ?? true), $"the bot's answer to \"{text}\"");
    }

    /// <summary>
    /// Presses a card button (Action.Execute) as this person, or as another member of their Teams
    /// (<paramref name="asUserId"/>), through the playground's invoke API; returns the card the bot answered with.
    /// </summary>
    public async Task<JsonObject> PressAsync(BotMessage onMessage, string verb, JsonObject data, string? asUserId = null)
    {
        var response = await _http.PostAsJsonAsync("_conversation/v1/invoke", new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["from"] = new JsonObject { ["id"] = asUserId ?? UserId },
            ["conversation"] = new JsonObject { ["id"] = onMessage.ConversationId },
            ["replyToId"] = onMessage.Id,
            ["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data.DeepClone() },
                ["trigger"] = "manual",
            },
        });
        var body = await EnsureAsync(response, $"{UserName} presses {verb}");
        var answer = JsonNode.Parse(body)?.AsObject() ?? throw new InvalidOperationException($"The invoke of {verb} answered nothing.");
        var invokeBody = answer["body"] as JsonObject ?? answer;
        return invokeBody["value"] as JsonObject
            ?? throw new InvalidOperationException($"The invoke of {verb} answered without a card: {body}");
    }

    /// <summary>Adds the bot to the board channel of this person's team (Teams' conversationUpdate, as the playground builds it).</summary>
    public async Task AddBotToChannelAsync()
    {
        var template = await _http.GetFromJsonAsync<JsonObject>(
            $"_internal/v1/customActivities/template?conversationId={Uri.EscapeDataString(ChannelId)}&type=botAdded")
            ?? throw new InvalidOperationException("The playground gave no botAdded template.");
        var sent = await _http.PostAsJsonAsync("_internal/v1/customActivities", template);
        await EnsureAsync(sent, $"adding the bot to {ChannelId}");
    }

    /// <summary>
    /// This person, or another member of their Teams (one of the config's users), @mentions the bot
    /// in the board channel: a message activity built as Teams sends it, through the playground's
    /// custom activities. Waits for the bot's card in the channel.
    /// </summary>
    public async Task<BotMessage> AskInChannelAsync(string userId, string text, Func<BotMessage, bool>? wanted = null)
    {
        var user = userId == UserId
            ? Config["currentUser"]!
            : Config["users"]!.AsArray().Single(u => u!["id"]!.GetValue<string>() == userId)!;
        var team = Config["teams"]!.AsArray()[0]!;
        var channel = team["channels"]!.AsArray().Last(c => c!["id"]!.GetValue<string>() == ChannelId)!;
        var bot = Config["bot"]!;
        var tenant = Config["tenantId"]!.GetValue<string>();
        var mention = $"<at>{bot["name"]!.GetValue<string>()}</at>";
        var mark = Mark;
        var sent = await _http.PostAsJsonAsync("_internal/v1/customActivities", new JsonObject
        {
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString(),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["channelId"] = "msteams",
            ["serviceUrl"] = new Uri(Url, "_connector").ToString(),
            ["recipient"] = new JsonObject { ["id"] = bot["id"]!.GetValue<string>(), ["name"] = bot["name"]!.GetValue<string>() },
            ["conversation"] = new JsonObject { ["id"] = ChannelId, ["isGroup"] = true, ["conversationType"] = "channel", ["tenantId"] = tenant },
            ["from"] = new JsonObject { ["id"] = userId, ["name"] = user["name"]!.GetValue<string>(), ["aadObjectId"] = user["aadObjectId"]!.GetValue<string>() },
            ["text"] = $"{mention} {text}",
            ["textFormat"] = "plain",
            ["entities"] = new JsonArray(new JsonObject
            {
                ["type"] = "mention",
                ["text"] = mention,
                ["mentioned"] = new JsonObject { ["id"] = bot["id"]!.GetValue<string>(), ["name"] = bot["name"]!.GetValue<string>() },
            }),
            ["channelData"] = new JsonObject
            {
                ["tenant"] = new JsonObject { ["id"] = tenant },
                ["team"] = new JsonObject { ["id"] = team["id"]!.GetValue<string>(), ["name"] = team["name"]!.GetValue<string>() },
                ["channel"] = new JsonObject { ["id"] = ChannelId, ["name"] = channel["name"]?.GetValue<string>() },
            },
        });
        await EnsureAsync(sent, $"{user["name"]} says \"{text}\" in {ChannelId}");
        return await WaitForAsync(mark, m => m.ConversationId.StartsWith(ChannelId, StringComparison.Ordinal) && m.Card is not null && (wanted?.Invoke(m) ?? true), $"the bot's answer in the channel to {user["name"]}'s \"{text}\"");
    }

    /// <summary>The first bot message since <paramref name="mark"/> that matches, waiting for it if need be.</summary>
    public async Task<BotMessage> WaitForAsync(int mark, Func<BotMessage, bool> wanted, string what, TimeSpan? patience = null)
    {
        var clock = Stopwatch.StartNew();
        var limit = patience ?? Patience;
        while (true)
        {
            lock (_messages)
            {
                var found = _messages.Skip(mark).FirstOrDefault(wanted);
                if (found is not null)
                {
                    return found;
                }
            }

            var left = limit - clock.Elapsed;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left))
            {
                throw new TimeoutException($"{UserName}'s Teams did not get {what} within {limit.TotalSeconds:0} s. It got: "
                    + string.Join(" | ", Since(mark).Select(m => m.Summary)));
            }
        }
    }

    public IReadOnlyList<BotMessage> Since(int mark)
    {
        lock (_messages)
        {
            return _messages.Skip(mark).ToList();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Abort();
        if (_reader is not null)
        {
            await _reader.ContinueWith(_ => { }, TaskScheduler.Default);
        }

        _socket.Dispose();
        await _process.DisposeAsync();
        _http.Dispose();
        _stop.Dispose();
    }

    private async Task WaitUntilUpAsync()
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if (await _http.GetStringAsync("_debug/ping") == "pong")
                {
                    break;
                }
            }
            catch (Exception ex) when (IsNotListeningYet(ex) && clock.Elapsed < Patience && !_process.HasExited)
            {
                await Task.Delay(250);
            }
            catch (Exception ex) when (IsNotListeningYet(ex))
            {
                throw new InvalidOperationException($"The playground for {Persona} did not start: {ex.Message}\n{_process.Output}", ex);
            }
        }

        var config = (await _http.GetFromJsonAsync<JsonObject>("_internal/v1/config"))!["config"]!;
        Config = config.AsObject();
        UserId = config["currentUser"]!["id"]!.GetValue<string>();
        UserName = config["currentUser"]!["name"]!.GetValue<string>();
        PersonalChatId = config["personalChat"]!["id"]!.GetValue<string>();
        ChannelId = config["teams"]!.AsArray()[0]!["channels"]!.AsArray()
            .Select(c => c!["id"]!.GetValue<string>())
            .Last();
        await _socket.ConnectAsync(new Uri($"ws://localhost:{Port}/_ws_conversation/v1/conversations/stream"), CancellationToken.None);
        _reader = Task.Run(ReadStreamAsync);
    }

    private async Task ReadStreamAsync()
    {
        var buffer = new byte[256 * 1024];
        while (!_stop.IsCancellationRequested)
        {
            using var frame = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await _socket.ReceiveAsync(buffer, _stop.Token);
                frame.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            if (JsonNode.Parse(frame.ToArray()) is JsonObject streamed && BotMessage.From(streamed) is { } message)
            {
                lock (_messages)
                {
                    _messages.Add(message);
                }

                _arrived.Release();
            }
        }
    }

    private static async Task<string> EnsureAsync(HttpResponseMessage response, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? body
            : throw new InvalidOperationException($"The playground refused {what}: {(int)response.StatusCode} {body}");
    }

    /// <summary>A port not yet listening shows up as any of these, depending on how far the connect got.</summary>
    private static bool IsNotListeningYet(Exception ex) => ex is HttpRequestException or SocketException or TaskCanceledException;

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
