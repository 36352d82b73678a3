using System.Text.Json.Nodes;

namespace PmfBot.Bot.MessageExtensions;

/// <summary>
/// <c>value</c> of a <c>composeExtension/query</c> invoke: the command, what was typed in its parameter,
/// and the page asked for (<c>queryOptions.skip</c>, <c>queryOptions.count</c>). Anything missing or of
/// the wrong type reads as nothing typed, from the start.
/// </summary>
public sealed record SearchQuery(string CommandId, string Text, bool InitialRun, int Skip, int Count)
{
    /// <summary>What Teams asks for when it does not say (its default page).</summary>
    public const int DefaultCount = 25;

    /// <summary>The most cards one answer builds, whatever Teams asks: each is a full status card.</summary>
    public const int MaxCount = 25;

    public static SearchQuery From(JsonNode? value)
    {
        var commandId = TextOf(value?["commandId"]) ?? "";
        var parameters = value?["parameters"] as JsonArray ?? [];
        var initialRun = false;
        var typed = "";
        foreach (var parameter in parameters.OfType<JsonObject>())
        {
            var name = TextOf(parameter["name"]);
            var text = TextOf(parameter["value"]) ?? "";
            if (string.Equals(name, "initialRun", StringComparison.OrdinalIgnoreCase))
            {
                initialRun = string.Equals(text, "true", StringComparison.OrdinalIgnoreCase);
            }
            else if (typed.Length == 0)
            {
                typed = text.Trim();
            }
        }

        var options = value?["queryOptions"];
        var skip = Math.Max(0, Number(options?["skip"]) ?? 0);
        var count = Number(options?["count"]) is { } asked and > 0 ? Math.Min(asked, MaxCount) : DefaultCount;
        return new SearchQuery(commandId, typed, initialRun, skip, count);
    }

    private static string? TextOf(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static int? Number(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<int>(out var n) => n,
        JsonValue v when v.TryGetValue<string>(out var s) && int.TryParse(s, out var n) => n,
        _ => null,
    };
}
