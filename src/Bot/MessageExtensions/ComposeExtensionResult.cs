using System.Text.Json.Nodes;
using PmfBot.Bot.Teams.Messaging;

namespace PmfBot.Bot.MessageExtensions;

/// <summary>
/// The answers to <c>composeExtension/query</c> and <c>composeExtension/queryLink</c>, always HTTP 200
/// (docs/teams-protocol.md, "Search and link unfurling"): a <c>result</c> list of cards each with the
/// thumbnail preview Teams lists, or a plain <c>message</c>.
/// </summary>
public static class ComposeExtensionResult
{
    public const string ThumbnailCardType = "application/vnd.microsoft.card.thumbnail";

    /// <summary>One result: the card inserted into the message, and what the result list shows for it.</summary>
    public sealed record Item(JsonObject Card, string ContentType, Preview Preview);

    /// <param name="OpenUrl">A button on the thumbnail (link unfurling); null for a search preview, where only tap is allowed.</param>
    public sealed record Preview(string Title, string Subtitle, string Text, string? OpenUrl = null, string? OpenTitle = null);

    public static InvokeResponse Results(IEnumerable<Item> items) => Answer(new JsonObject
    {
        ["type"] = "result",
        ["attachmentLayout"] = "list",
        ["attachments"] = new JsonArray(items.Select(Attachment).ToArray()),
    });

    /// <summary>Nothing to show: Teams lists no results (and leaves a pasted link as it is).</summary>
    public static InvokeResponse Empty() => Results([]);

    /// <summary>Plain text in the search pane, e.g. why nothing matched (the message type takes no formatting).</summary>
    public static InvokeResponse Message(string text) => Answer(new JsonObject { ["type"] = "message", ["text"] = text });

    /// <summary>A thumbnail card (link unfurling accepts it as the card itself, and it is its own preview).</summary>
    public static JsonObject Thumbnail(Preview preview)
    {
        var card = new JsonObject { ["title"] = preview.Title, ["subtitle"] = preview.Subtitle, ["text"] = preview.Text };
        if (preview.OpenUrl is { } url)
        {
            card["buttons"] = new JsonArray(new JsonObject { ["type"] = "openUrl", ["title"] = preview.OpenTitle ?? "Open", ["value"] = url });
        }

        return card;
    }

    private static JsonNode Attachment(Item item) => new JsonObject
    {
        ["contentType"] = item.ContentType,
        ["content"] = item.Card,
        ["preview"] = new JsonObject { ["contentType"] = ThumbnailCardType, ["content"] = Thumbnail(item.Preview with { OpenUrl = null }) },
    };

    private static InvokeResponse Answer(JsonObject composeExtension) => new(200, new JsonObject { ["composeExtension"] = composeExtension });
}
