using System.Text.Json.Nodes;

namespace PmfBot.Bot.Teams.Messaging;

/// <summary>
/// The HTTP answer to an invoke. For <c>adaptiveCard/action</c> the HTTP status is always 200 and the
/// outcome is in the body (Universal Action Model: <c>{statusCode, type, value}</c>).
/// </summary>
public sealed record InvokeResponse(int Status, JsonNode? Body)
{
    public const string AdaptiveCardType = "application/vnd.microsoft.card.adaptive";
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";

    /// <summary>Replace the card the user acted on with <paramref name="card"/>.</summary>
    public static InvokeResponse AdaptiveCard(JsonNode card) => Universal(200, AdaptiveCardType, card);

    /// <summary>Show <paramref name="text"/> to the user; the card stays as it is.</summary>
    public static InvokeResponse Message(string text) => Universal(200, MessageType, JsonValue.Create(text));

    /// <summary>The request was invalid (statusCode 400), e.g. a card input failed validation.</summary>
    public static InvokeResponse BadRequest(string code, string message) => Universal(400, ErrorType, ErrorValue(code, message));

    /// <summary>The bot failed (statusCode 500); the client shows an error.</summary>
    public static InvokeResponse ServerError(string code, string message) => Universal(500, ErrorType, ErrorValue(code, message));

    /// <summary>No handler for this invoke name (what the Bot Framework SDK answers too).</summary>
    public static InvokeResponse NotImplemented() => new(501, null);

    private static InvokeResponse Universal(int statusCode, string type, JsonNode? value) =>
        new(200, new JsonObject { ["statusCode"] = statusCode, ["type"] = type, ["value"] = value });

    private static JsonObject ErrorValue(string code, string message) => new() { ["code"] = code, ["message"] = message };
}
