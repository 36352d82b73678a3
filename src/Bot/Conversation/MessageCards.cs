using System.Text.Json.Nodes;
using PmfBot.Bot.Cards;

namespace PmfBot.Bot.Conversation;

/// <summary>Short messages on the message card: refusals, confirmations, lists to choose from.</summary>
public sealed class MessageCards(CardRenderer renderer, Linking.UnknownSpeaker? unknown = null)
{
    private sealed record Data(string Title, string Color, string Text, IReadOnlyList<string> Lines, string Footer);

    public JsonObject Refusal(string title, string text) => Render(title, "attention", text, [], "");

    public JsonObject Confirmation(string title, string text) => Render(title, "good", text, [], "");

    public JsonObject Choose(string title, string text, IReadOnlyList<string> lines, string footer) => Render(title, "default", text, lines, footer);

    /// <summary>For someone PmfBot does not know: why (when this turn found out), and whom to ask.</summary>
    public JsonObject NotKnown() => unknown?.Reason is { } reason
        ? Refusal(reason.Title, reason.Text)
        : Refusal(
            "PmfBot does not know you yet",
            "Your Teams account is not linked to anyone in the performance framework. Ask the performance team to add you to the single data list.");

    private JsonObject Render(string title, string color, string text, IReadOnlyList<string> lines, string footer) =>
        renderer.Render("message-card", new Data(title, color, text, lines, footer));
}
