using System.Text.Json.Nodes;

namespace PmfBot.Journeys.Tests.Support;

/// <summary>Reading an Adaptive Card the way a person does: its words, its inputs, its buttons.</summary>
public static class Cards
{
    /// <summary>All text on the card (text blocks, text runs, facts, input labels, button titles), space-separated.</summary>
    public static string Words(JsonNode card) => string.Join(" ", Texts(card));

    /// <summary>The ids of the card's inputs.</summary>
    public static IReadOnlyList<string> InputIds(JsonNode card) =>
        Elements(card).Where(e => e["type"]?.GetValue<string>()?.StartsWith("Input.", StringComparison.Ordinal) == true)
            .Select(e => e["id"]!.GetValue<string>())
            .ToList();

    /// <summary>The first Action.Execute with this verb (its data is what Teams sends back with the inputs).</summary>
    public static JsonObject Action(JsonNode card, string verb) =>
        Elements(card).FirstOrDefault(e => e["type"]?.GetValue<string>() == "Action.Execute" && e["verb"]?.GetValue<string>() == verb)
        ?? throw new InvalidOperationException($"The card has no \"{verb}\" button. It says: {Words(card)}");

    /// <summary>Every Action.Execute on the card with this verb.</summary>
    public static IReadOnlyList<JsonObject> Actions(JsonNode card, string verb) =>
        Elements(card).Where(e => e["type"]?.GetValue<string>() == "Action.Execute" && e["verb"]?.GetValue<string>() == verb).ToList();

    /// <summary>What Teams sends when the button is pressed: the action's data with the inputs merged in.</summary>
    public static JsonObject Press(JsonObject action, IReadOnlyDictionary<string, string> inputs)
    {
        var data = action["data"]?.DeepClone() as JsonObject ?? [];
        foreach (var (id, value) in inputs)
        {
            data[id] = value;
        }

        return data;
    }

    private static IEnumerable<JsonObject> Elements(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var child in obj.Select(p => p.Value).SelectMany(Elements))
                {
                    yield return child;
                }

                break;
            case JsonArray array:
                foreach (var child in array.SelectMany(Elements))
                {
                    yield return child;
                }

                break;
        }
    }

    private static IEnumerable<string> Texts(JsonNode card)
    {
        foreach (var element in Elements(card))
        {
            // A fact's value is text; an input's value is what was typed, read through InputIds.
            var isFact = element["type"] is null && element["title"] is not null;
            foreach (var key in isFact ? ["title", "value"] : new[] { "text", "title", "label", "errorMessage" })
            {
                if (element[key] is JsonValue value && value.TryGetValue<string>(out var text))
                {
                    yield return text;
                }
            }
        }
    }
}
