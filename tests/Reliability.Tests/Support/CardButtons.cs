using System.Text.Json.Nodes;

namespace PmfBot.Reliability.Tests.Support;

/// <summary>One Action.Execute on a card: its verb, and its data with the card's inputs filled in as a person would.</summary>
public sealed record CardButton(string Verb, JsonObject Data);

/// <summary>Reads the buttons and inputs off an Adaptive Card, so tests can click what the bot really sent.</summary>
public static class CardButtons
{
    /// <summary>Every Action.Execute on the card, its data merged with plausible values for every input on the card.</summary>
    public static IReadOnlyList<CardButton> Of(JsonNode card)
    {
        var inputs = new JsonObject();
        foreach (var input in Nodes(card).Where(n => n["type"] is JsonValue t && t.ToString().StartsWith("Input.", StringComparison.Ordinal)))
        {
            if (input["id"] is JsonValue id && Plausible(input) is { } value)
                inputs[id.ToString()] = value;
        }

        return Nodes(card)
            .Where(n => n["type"] is JsonValue t && t.ToString() == "Action.Execute" && n["verb"] is JsonValue)
            .Select(n =>
            {
                var data = n["data"]?.DeepClone() as JsonObject ?? [];
                foreach (var (key, value) in inputs)
                    data.TryAdd(key, value?.DeepClone());
                return new CardButton(n["verb"]!.ToString(), data);
            })
            .ToList();
    }

    /// <summary>Every text a person would read on a card, joined.</summary>
    public static string TextOf(JsonNode? card) => string.Join(" | ", Nodes(card)
        .SelectMany(o => o.Where(p => p.Key is "text" or "title" or "label" or "value" && p.Value is JsonValue v && v.TryGetValue<string>(out _)))
        .Select(p => p.Value!.ToString()));

    private static JsonNode? Plausible(JsonObject input)
    {
        var id = input["id"]!.ToString();
        var type = input["type"]!.ToString();
        return type switch
        {
            "Input.Toggle" => JsonValue.Create(input["valueOff"]?.ToString() ?? "false"),
            "Input.ChoiceSet" => JsonValue.Create(input["choices"]?.AsArray().Select(c => c?["value"]?.ToString()).LastOrDefault(v => v is not null && v != "none") ?? ""),
            "Input.Number" => JsonValue.Create("5"),
            "Input.Date" => JsonValue.Create("2025-12-01"),
            _ when id.EndsWith(".value", StringComparison.Ordinal) => JsonValue.Create("78.5"),
            _ when id.EndsWith("Reason", StringComparison.OrdinalIgnoreCase) => JsonValue.Create(""),
            _ => JsonValue.Create("Attendance rose after the summer campaign reached every family in the city."),
        };
    }

    private static IEnumerable<JsonObject> Nodes(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var (_, value) in obj)
                {
                    foreach (var inner in Nodes(value))
                        yield return inner;
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var inner in Nodes(item))
                        yield return inner;
                }

                break;
        }
    }
}
