using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PmfBot.Bot.Tests.Conversation.Support;

namespace PmfBot.Bot.Tests.Conversation.Status;

/// <summary>What the read-only card tests look for on a card: its buttons and the ids of demo things.</summary>
internal static class ReadCards
{
    /// <summary>The verbs a read-only reader may be offered: none of them writes.</summary>
    public static readonly string[] ReadVerbs =
        ["status.show", "indicator.history", "exceptions.show", "board.show", "scorecard.show", "compliance.show", "card.page"];

    public static IEnumerable<JsonObject> Actions(JsonNode? node) => node switch
    {
        JsonObject obj when obj["type"]?.GetValue<string>() == "Action.Execute" => [obj],
        JsonObject obj => obj.SelectMany(p => Actions(p.Value)),
        JsonArray array => array.SelectMany(Actions),
        _ => [],
    };

    public static JsonObject Action(JsonNode card, string verb, Func<JsonObject, bool>? where = null) =>
        Actions(card).First(a => a["verb"]!.GetValue<string>() == verb && (where is null || where(a["data"]!.AsObject())));

    public static JsonObject DataOf(JsonObject action) => action["data"]!.DeepClone().AsObject();

    /// <summary>Teams chart elements (Chart.Line, Chart.Donut, ...) anywhere in the card, in order.</summary>
    public static IEnumerable<JsonObject> Charts(JsonNode? node) => node switch
    {
        JsonObject obj when obj["type"]?.GetValue<string>() is { } type && type.StartsWith("Chart.", StringComparison.Ordinal) => [obj],
        JsonObject obj => obj.SelectMany(p => Charts(p.Value)),
        JsonArray array => array.SelectMany(Charts),
        _ => [],
    };

    /// <summary>A line chart's series by legend: its points as (x, y).</summary>
    public static IReadOnlyList<(string X, decimal Y)> Series(JsonObject chart, string legend) =>
        chart["data"]!.AsArray().Select(s => s!.AsObject()).Where(s => s["legend"]!.GetValue<string>() == legend)
            .SelectMany(s => s["values"]!.AsArray().Select(p => (p!["x"]!.GetValue<string>(), Number(p["y"]))))
            .ToList();

    /// <summary>A number in the card as the JSON says it (the renderer may hold it as a double or a decimal).</summary>
    public static decimal Number(JsonNode? node) => decimal.Parse(node!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>What a client that cannot draw the chart shows instead: the text of its fallback.</summary>
    public static string FallbackText(JsonObject chart) => ConversationBot.TextOf(chart["fallback"]!);

    /// <summary>Enum and field names of the model that must never reach a reader.</summary>
    public const string ModelNames = @"\b(SignedOff|SentBack|NoData|NoTarget|ComputedRag|OverrideRag|IsImported|NotAvailableReason|SentBackComment)\b|State [A-Z]";

    public static async Task<Guid> PriorityIdAsync(ConversationBot bot, string code)
    {
        _ = bot.Services; // starts the host, which seeds the demo council
        await using var db = bot.NewContext();
        return await db.Priorities.Where(p => p.Code == code).Select(p => p.Id).SingleAsync();
    }

    public static async Task<Guid> IndicatorIdAsync(ConversationBot bot, string code)
    {
        _ = bot.Services; // starts the host, which seeds the demo council
        await using var db = bot.NewContext();
        return await db.Indicators.Where(i => i.Code == code).Select(i => i.Id).SingleAsync();
    }

    public static async Task<Guid> BoardIdAsync(ConversationBot bot, string name)
    {
        _ = bot.Services; // starts the host, which seeds the demo council
        await using var db = bot.NewContext();
        return await db.Boards.Where(b => b.Name == name).Select(b => b.Id).SingleAsync();
    }
}
