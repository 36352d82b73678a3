using System.Text.Json.Nodes;
using Xunit.Sdk;

namespace PmfBot.Bot.Tests.Support;

/// <summary>
/// Finds one element of a card and reads its value, for assertions that can fail: a word searched
/// for in all of a card's text may be a heading, a column title or a choice that is always there.
/// </summary>
public static class CardElements
{
    /// <summary>Every element of the card (anything with a type: containers, blocks, inputs, text runs, actions), outer before inner.</summary>
    public static IEnumerable<JsonObject> All(JsonNode? node) => node switch
    {
        JsonObject o when o["type"] is JsonValue => o.SelectMany(p => All(p.Value)).Prepend(o),
        JsonObject o => o.SelectMany(p => All(p.Value)),
        JsonArray a => a.SelectMany(All),
        _ => [],
    };

    /// <summary>The element with this id (an input, or any element given one).</summary>
    public static JsonObject ById(JsonNode card, string id) =>
        All(card).SingleOrDefault(e => e["id"] is JsonValue v && v.GetValue<string>() == id)
        ?? throw new XunitException($"No element with id {id} on the card: {card.ToJsonString()}");

    /// <summary>The innermost container holding the element with this id (an indicator's part of a return card, say).</summary>
    public static JsonObject ContainerOf(JsonNode card, string id) =>
        All(card).LastOrDefault(e => Type(e) == "Container" && All(e["items"]).Any(i => i["id"] is JsonValue v && v.GetValue<string>() == id))
        ?? throw new XunitException($"No container holds {id} on the card: {card.ToJsonString()}");

    /// <summary>The texts of a rich text block's runs, in order.</summary>
    public static IReadOnlyList<string> RunsOf(JsonObject richTextBlock) =>
        richTextBlock["inlines"]!.AsArray().Select(i => i!["text"]!.GetValue<string>()).ToList();

    /// <summary>The run that follows a label's run in the same rich text block ("Computed RAG: " then "Red"); exactly one such label under <paramref name="node"/>.</summary>
    public static string RunAfter(JsonNode node, string label)
    {
        var after = All(node).Where(e => Type(e) == "RichTextBlock")
            .Select(RunsOf)
            .SelectMany(runs => runs.Select((text, i) => (text, i, runs)).Where(r => r.text == label && r.i + 1 < r.runs.Count).Select(r => r.runs[r.i + 1]))
            .ToList();
        return after.Count == 1 ? after[0] : throw new XunitException($"{after.Count} runs labelled '{label}': {node.ToJsonString()}");
    }

    private static string? Type(JsonObject element) => element["type"] is JsonValue v ? v.GetValue<string>() : null;
}
