using System.Text.Json.Nodes;

namespace PmfBot.Journeys.Tests.Support;

/// <summary>Something the bot posted or edited, as the playground streamed it to its web UI.</summary>
public sealed record BotMessage(string Action, string Id, string ConversationId, JsonObject? Card, string Text)
{
    public bool IsEdit => Action.Contains("update", StringComparison.OrdinalIgnoreCase);

    /// <summary>Every piece of text on the card (or the message text), for "does it say ..." checks.</summary>
    public string Words => Card is null ? Text : Cards.Words(Card);

    public string Summary => $"{Action} in {ConversationId}: {(Words.Length > 120 ? Words[..120] + "…" : Words)}";

    public static BotMessage? From(JsonObject streamed)
    {
        if (streamed["message"] is not JsonObject message)
        {
            return null;
        }

        var card = (message["attachments"] as JsonArray)?
            .OfType<JsonObject>()
            .FirstOrDefault(a => a["contentType"]?.GetValue<string>() == "application/vnd.microsoft.card.adaptive")?["content"];
        return new BotMessage(
            streamed["action"]?.GetValue<string>() ?? "",
            message["messageId"]?.ToString() ?? message["id"]?.ToString() ?? "",
            streamed["actionConversationId"]?.GetValue<string>() ?? message["conversation"]?["id"]?.GetValue<string>() ?? "",
            card as JsonObject ?? (card is JsonValue v && v.TryGetValue<string>(out var json) ? JsonNode.Parse(json) as JsonObject : null),
            message["text"]?.GetValue<string>() ?? "");
    }
}
