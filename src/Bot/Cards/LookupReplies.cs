using System.Text.Json.Nodes;
using PmfBot.Bot.Conversation;
using PmfBot.Domain.Search;

namespace PmfBot.Bot.Cards;

/// <summary>The replies when what someone typed matches several things, or nothing.</summary>
public static class LookupReplies
{
    /// <summary>
    /// Answers a lookup the same way for every command: one match gets its card, several get a
    /// list to pick from (with how to ask again), none gets a hint.
    /// </summary>
    public static async Task<JsonObject> AnswerAsync<T>(
        this Lookup<T> lookup,
        MessageCards messages,
        string noun,
        string typed,
        Func<T, string> describe,
        Func<T, string> askAgain,
        string hint,
        Func<T, Task<JsonObject>> build)
        where T : class =>
        lookup.Match is { } match
            ? await build(match)
            : lookup.IsAmbiguous
                ? Ambiguous(messages, noun, typed, lookup.Candidates.Select(describe).ToList(), askAgain(lookup.Candidates[0]))
                : NotFound(messages, noun, typed, hint);

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
