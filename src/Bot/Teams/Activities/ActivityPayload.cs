using System.Text.Json.Nodes;

namespace PmfBot.Bot.Teams.Activities;

/// <summary>The activity as it comes off the wire, every field optional. <see cref="ActivityParser"/> turns it into a typed record.</summary>
internal sealed record ActivityPayload
{
    public string? Type { get; init; }

    public string? Id { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public string? ServiceUrl { get; init; }

    public string? ChannelId { get; init; }

    public ChannelAccount? From { get; init; }

    public ChannelAccount? Recipient { get; init; }

    public ConversationAccount? Conversation { get; init; }

    public TeamsChannelData? ChannelData { get; init; }

    public string? ReplyToId { get; init; }

    public string? Locale { get; init; }

    public string? Text { get; init; }

    public string? TextFormat { get; init; }

    public string? Name { get; init; }

    public string? Action { get; init; }

    public JsonNode? Value { get; init; }

    public List<EntityPayload?>? Entities { get; init; }

    public List<Attachment?>? Attachments { get; init; }

    public List<ChannelAccount?>? MembersAdded { get; init; }

    public List<ChannelAccount?>? MembersRemoved { get; init; }

    public List<MessageReaction?>? ReactionsAdded { get; init; }

    public List<MessageReaction?>? ReactionsRemoved { get; init; }
}

/// <summary>An entity; only mentions are read (clientInfo and others are ignored).</summary>
internal sealed record EntityPayload
{
    public string? Type { get; init; }

    public ChannelAccount? Mentioned { get; init; }

    public string? Text { get; init; }
}

internal sealed record AdaptiveCardActionPayload
{
    public AdaptiveCardActionBody? Action { get; init; }

    public string? Trigger { get; init; }
}

internal sealed record AdaptiveCardActionBody
{
    public string? Type { get; init; }

    public string? Id { get; init; }

    public string? Verb { get; init; }

    public JsonNode? Data { get; init; }
}
