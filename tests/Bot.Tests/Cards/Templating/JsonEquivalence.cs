using System.Text.Json;
using System.Text.Json.Nodes;

namespace PmfBot.Bot.Tests.Cards.Templating;

/// <summary>Structural JSON equality: property order ignored, numbers compared as numbers, arrays in order.</summary>
internal static class JsonEquivalence
{
    /// <summary>Null when equal; otherwise where and how the two differ.</summary>
    public static string? Difference(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        switch (expected, actual)
        {
            case (null, null):
                return null;
            case (null, _) or (_, null):
                return $"{path}: expected {Show(expected)}, got {Show(actual)}";
            case (JsonObject e, JsonObject a):
            {
                foreach (var (key, value) in e)
                {
                    if (!a.TryGetPropertyValue(key, out var other))
                    {
                        return $"{path}.{key}: missing (expected {Show(value)})";
                    }

                    if (Difference(value, other, $"{path}.{key}") is { } difference)
                    {
                        return difference;
                    }
                }

                var extra = a.Select(p => p.Key).FirstOrDefault(k => !e.ContainsKey(k));
                return extra is null ? null : $"{path}.{extra}: unexpected {Show(a[extra])}";
            }

            case (JsonArray e, JsonArray a):
            {
                if (e.Count != a.Count)
                {
                    return $"{path}: expected {e.Count} items {Show(e)}, got {a.Count} {Show(a)}";
                }

                for (var i = 0; i < e.Count; i++)
                {
                    if (Difference(e[i], a[i], $"{path}[{i}]") is { } difference)
                    {
                        return difference;
                    }
                }

                return null;
            }

            case (JsonValue e, JsonValue a):
            {
                var (ek, ak) = (e.GetValueKind(), a.GetValueKind());
                var same = ek == ak && ek switch
                {
                    JsonValueKind.Number => e.GetValue<double>() == a.GetValue<double>(),
                    JsonValueKind.String => e.GetValue<string>() == a.GetValue<string>(),
                    _ => true,
                };
                return same ? null : $"{path}: expected {Show(e)}, got {Show(a)}";
            }

            default:
                return $"{path}: expected {Show(expected)}, got {Show(actual)}";
        }
    }

    private static string Show(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length > 300 ? text[..300] + "..." : text;
    }
}
