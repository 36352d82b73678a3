using PmfBot.Tests.Support;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PmfBot.Bot.Tests.Teams.Support;
using Xunit.Abstractions;

namespace PmfBot.Bot.Tests.MessageExtensions;

/// <summary>
/// The search extension and link unfurling driven through Microsoft's Agents Playground (0.2.28), which plays
/// Teams' message extension pane: its invoke API (the server side of its search box and compose box) sends <c>composeExtension/query</c> and
/// <c>composeExtension/queryLink</c> and hands back the bot's answer.
/// The bot runs in local mode on real Kestrel on the demo council; the playground is the demo's scrutiny
/// member (playground/scrutiny.yml). Started ONLY with telemetry off: APPLICATION_INSIGHTS_NO_STATSBEAT=1
/// and --disable-telemetry (and TEAMSAPPTESTER_BROWSER=none). The playground has no meeting events.
/// </summary>
public sealed class PlaygroundMessageExtensionTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = AgentsPlayground.Patience;
    private readonly int _botPort = FreePort.Next();
    private BotApplication? _bot;
    private AgentsPlayground? _playground;

    public async Task InitializeAsync()
    {
        _bot = BotApplication.Local(s => s["Demo:Seed"] = "true", recordingMessageHandler: false);
        _bot.UseKestrel(_botPort);
        _bot.StartServer();
        _playground = await AgentsPlayground.StartAsync(_botPort, output, "playground/scrutiny.yml");
    }

    public async Task DisposeAsync()
    {
        if (_playground is not null)
            await _playground.DisposeAsync();
        if (_bot is not null)
            await _bot.DisposeAsync();
    }

    [Fact]
    public async Task The_playgrounds_search_box_gets_status_cards_and_a_pasted_link_is_left_alone_when_publication_is_off()
    {
        using var http = new HttpClient();
        var config = (await http.GetFromJsonAsync<JsonObject>(Url("/_internal/v1/config")))!["config"]!;
        var chatId = config["personalChat"]!["id"]!.GetValue<string>();
        var userId = config["currentUser"]!["id"]!.GetValue<string>();

        var search = await InvokeAsync(http, new JsonObject
        {
            ["name"] = "composeExtension/query",
            ["from"] = new JsonObject { ["id"] = userId },
            ["conversation"] = new JsonObject { ["id"] = chatId },
            ["value"] = new JsonObject
            {
                ["commandId"] = "searchPriorities",
                ["parameters"] = new JsonArray(new JsonObject { ["name"] = "priority", ["value"] = "helth inequalities" }),
                ["queryOptions"] = new JsonObject { ["skip"] = 0, ["count"] = 25 },
            },
        });
        Assert.Contains("\"type\":\"result\"", search);
        Assert.Contains("HW1: Reduce health inequalities", search);
        Assert.Contains("application/vnd.microsoft.card.adaptive", search);

        var nothing = await InvokeAsync(http, new JsonObject
        {
            ["name"] = "composeExtension/query",
            ["from"] = new JsonObject { ["id"] = userId },
            ["conversation"] = new JsonObject { ["id"] = chatId },
            ["value"] = new JsonObject
            {
                ["commandId"] = "searchPriorities",
                ["parameters"] = new JsonArray(new JsonObject { ["name"] = "priority", ["value"] = "zebra crossings" }),
                ["queryOptions"] = new JsonObject { ["skip"] = 0, ["count"] = 25 },
            },
        });
        Assert.Contains("No priority matches", nothing);

        var link = await InvokeAsync(http, new JsonObject
        {
            ["name"] = "composeExtension/queryLink",
            ["from"] = new JsonObject { ["id"] = userId },
            ["conversation"] = new JsonObject { ["id"] = chatId },
            ["value"] = new JsonObject { ["url"] = "https://pmfbot.example/published/2025-26-Q2/boards/health-and-wellbeing-board" },
        });
        Assert.Contains("\"attachments\":[]", link);
    }

    private async Task<string> InvokeAsync(HttpClient http, JsonObject invoke)
    {
        var response = await http.PostAsJsonAsync(Url("/_conversation/v1/invoke"), invoke);
        var body = await response.Content.ReadAsStringAsync();
        output.WriteLine($"{invoke["name"]}: {(int)response.StatusCode} {(body.Length > 2000 ? body[..2000] + "…" : body)}");
        Assert.True(response.IsSuccessStatusCode, body);
        return body;
    }

    private string Url(string path) => _playground!.Url(path);
}
