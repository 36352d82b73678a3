using System.Text.Json.Nodes;
using PmfBot.Bot.Conversation;

namespace PmfBot.Bot.Status;

/// <summary>The replies when what someone typed matches several things, or nothing.</summary>
public static class LookupReplies
{
    public static JsonObject Ambiguous(MessageCards messages, string noun, string typed, IReadOnlyList<string> lines, string example) =>
        messages.Choose(
            $"Which {noun} did you mean?",
            $"\"{Shorten(typed)}\" matches {lines.Count} {noun}s.",
            lines,
            $"Ask again with one of these, for example: {example}");

    public static JsonObject NotFound(MessageCards messages, string noun, string typed, string hint) =>
        messages.Choose($"No {noun} matches \"{Shorten(typed)}\"", hint, [], "Type help to see what I can do.");

    public static JsonObject Missing(MessageCards messages, string noun, string hint) =>
        messages.Choose($"Which {noun}?", hint, [], "");

    private static string Shorten(string typed) => typed.Length > 60 ? typed[..60] + "…" : typed;
}
