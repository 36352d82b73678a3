using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PmfBot.Bot.Tests.Support;

namespace PmfBot.Bot.Tests.Status;

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
