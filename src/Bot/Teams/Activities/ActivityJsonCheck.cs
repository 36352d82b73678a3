using System.Text.Json;

namespace PmfBot.Bot.Teams.Activities;

/// <summary>
/// What System.Text.Json lets through but the handlers cannot use, found in one pass over the body
/// before it is read: a property repeated in one object (JsonObject throws on first access, deep in
/// a card handler), and text that is not valid Unicode (a lone surrogate escape such as
/// <c>"\ud800"</c>, or bytes that are not UTF-8), which throws only when the string is read.
/// Malformed JSON is left to the deserializer, whose answer already says so.
/// </summary>
internal static class ActivityJsonCheck
{
    /// <summary>As deep as the deserializer reads (its default); deeper bodies are malformed for it.</summary>
    public const int MaxDepth = 64;

    public static string? Problem(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaxDepth });
        var objects = new Stack<HashSet<string>>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        objects.Push(new HashSet<string>(StringComparer.Ordinal));
                        break;
                    case JsonTokenType.EndObject:
                        objects.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString()!;
                        if (!objects.Peek().Add(name))
                            return $"The activity repeats the property \"{(name.Length > 40 ? name[..40] + "…" : name)}\" in one object.";
                        break;
                    case JsonTokenType.String:
                        reader.GetString();
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return "The activity holds text that is not valid Unicode (a lone surrogate or bytes that are not UTF-8).";
        }

        return null;
    }
}
