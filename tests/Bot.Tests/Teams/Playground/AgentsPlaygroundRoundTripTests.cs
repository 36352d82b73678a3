using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PmfBot.Bot.Teams.Activities;
using PmfBot.Bot.Teams.Connector;
using PmfBot.Domain.Conversations;
using PmfBot.Bot.Tests.Teams.Support;
using Xunit.Abstractions;
using PmfBot.Tests.Support;

namespace PmfBot.Bot.Tests.Teams.Playground;

/// <summary>
/// A round trip through Microsoft's Agents Playground (@microsoft/m365agentsplayground, from tests/js): the
/// playground plays Teams and the Bot Connector; the bot runs in local mode on real Kestrel on 127.0.0.1.
/// The playground is started ONLY with telemetry off: APPLICATION_INSIGHTS_NO_STATSBEAT=1 and --disable-telemetry
/// (and TEAMSAPPTESTER_BROWSER=none).
/// </summary>
public sealed class AgentsPlaygroundRoundTripTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = AgentsPlayground.Patience;
    private readonly int _botPort = FreePort.Next();
    private BotApplication? _bot;
    private AgentsPlayground? _playground;

    public async Task InitializeAsync()
    {
        _bot = BotApplication.Local(recordingMessageHandler: false);
        _bot.UseKestrel(_botPort);
        _bot.StartServer();
        _playground = await AgentsPlayground.StartAsync(_botPort, output);
    }

    public async Task DisposeAsync()
    {
        if (_playground is not null)
            await _playground.DisposeAsync();
        if (_bot is not null)
            await _bot.DisposeAsync();
    }

    [Fact]
    public async Task A_message_typed_in_the_playground_gets_the_bots_reply_through_its_mock_connector()
    {
        using var http = new HttpClient();
        var config = (await http.GetFromJsonAsync<JsonObject>(PlaygroundUrl("/_internal/v1/config")))!["config"]!;
        var chatId = config["personalChat"]!["id"]!.GetValue<string>();
        var userId = config["currentUser"]!["id"]!.GetValue<string>();

        using var stream = new ClientWebSocket();
        await stream.ConnectAsync(new Uri($"ws://127.0.0.1:{_playground!.Port}/_ws_conversation/v1/conversations/stream"), CancellationToken.None);
        // The bot answers every message with a card from its command table.
        var reply = ReadUntilAsync(stream, m => m.ToJsonString().Contains("application/vnd.microsoft.card.adaptive"));

        var sent = await http.PostAsJsonAsync(PlaygroundUrl($"/_conversation/v1/conversations/{chatId}/messages"),
            new JsonObject { ["from"] = new JsonObject { ["id"] = userId }, ["text"] = "status CPP-H1", ["textFormat"] = "plain" });
        Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync());

        var message = await reply.WaitAsync(Patience);
        output.WriteLine(message.ToJsonString());
        Assert.Equal("createMessage", message["action"]?.GetValue<string>());

        // The bot saw Teams' shape of the activity, with the playground's mock connector as serviceUrl.
        await _bot!.Queue.WhenIdleAsync();
        var seen = Assert.IsType<MessageActivity>(Assert.Single(_bot.Log.Observed, a => a is MessageActivity));
        Assert.Equal("msteams", seen.ChannelId);
        Assert.Equal(new Uri($"http://localhost:{_playground!.Port}/_connector"), seen.ServiceUrl);
        Assert.Equal(chatId, seen.Conversation.Id);
        Assert.Equal("status CPP-H1", seen.CommandText);
        Assert.NotNull(seen.From.AadObjectId);
        Assert.NotNull(seen.TenantId);

        // The conversation reference was stored, and a proactive message sent with it reaches the chat.
        ConversationReference? reference;
        using (var scope = _bot.Services.CreateScope())
            reference = await scope.ServiceProvider.GetRequiredService<ConversationReferenceStore>().FindPersonAsync(seen.From.AadObjectId!);
        Assert.NotNull(reference);
        Assert.Equal(chatId, reference.ConversationId);
        Assert.Equal(seen.ServiceUrl.OriginalString, reference.ServiceUrl);
        var proactive = ReadUntilAsync(stream, m => m.ToJsonString().Contains("Your Q1 returns are open"));
        var connector = _bot.Services.GetRequiredService<IConnectorClient>();
        var sentProactively = await connector.SendToConversationAsync(new Uri(reference.ServiceUrl), reference.ConversationId!, OutgoingActivity.FromText("Your Q1 returns are open"), CancellationToken.None);
        Assert.False(string.IsNullOrEmpty(sentProactively.Id));
        await proactive.WaitAsync(Patience);

        // A card action on the bot's reply is answered in the invoke response.
        var replyId = FindMessageId(message);
        Assert.NotNull(replyId);
        var invoke = await http.PostAsJsonAsync(PlaygroundUrl("/_conversation/v1/invoke"), new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["from"] = new JsonObject { ["id"] = userId },
            ["conversation"] = new JsonObject { ["id"] = chatId },
            ["replyToId"] = replyId,
            ["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "say", ["data"] = new JsonObject { ["value"] = "42" } },
                ["trigger"] = "manual",
            },
        });
        var invokeBody = await invoke.Content.ReadAsStringAsync();
        output.WriteLine(invokeBody);
        Assert.True(invoke.IsSuccessStatusCode, invokeBody);
        Assert.Contains("Thanks, saved.", invokeBody);
        Assert.Contains("application/vnd.microsoft.activity.message", invokeBody);
    }

    private static string? FindMessageId(JsonObject streamed) => streamed["message"]?["messageId"]?.GetValue<string>();

    private async Task<JsonObject> ReadUntilAsync(ClientWebSocket socket, Func<JsonObject, bool> wanted)
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var frame = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                frame.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            if (result.MessageType == WebSocketMessageType.Close)
                throw new InvalidOperationException("The playground closed its message stream.");
            if (JsonNode.Parse(frame.ToArray()) is JsonObject message && wanted(message))
                return message;
        }
    }

    private string PlaygroundUrl(string path) => _playground!.Url(path);
}
