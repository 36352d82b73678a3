using System.Text.Json.Nodes;

namespace PmfBot.Bot.Teams.Activities;

/// <summary>The activity types PmfBot distinguishes (Bot Framework activity schema).</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";
    public const string MessageReaction = "messageReaction";
    public const string MessageUpdate = "messageUpdate";
    public const string MessageDelete = "messageDelete";
    public const string Event = "event";
}

/// <summary>
/// An inbound activity after parsing: the fields common to every type. Only what PmfBot reads is
/// modelled; unknown JSON fields are ignored.
/// </summary>
public abstract record Activity
{
    public required string Type { get; init; }

    public string? Id { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>Where replies and proactive messages for this conversation go.</summary>
    public required Uri ServiceUrl { get; init; }

    /// <summary><c>msteams</c> from Teams; the signing key must be endorsed for it.</summary>
    public required string ChannelId { get; init; }

    /// <summary>The sender. Event activities often carry only an id.</summary>
    public ChannelAccount From { get; init; } = new();

    /// <summary>The bot (<c>28:...</c>).</summary>
    public ChannelAccount Recipient { get; init; } = new();

    public ConversationAccount Conversation { get; init; } = new();

    public TeamsChannelData? ChannelData { get; init; }

    /// <summary>For card invokes and submits: the id of the message holding the card (the one to update).</summary>
    public string? ReplyToId { get; init; }

    public string? Locale { get; init; }

    /// <summary>The tenant: <c>channelData.tenant.id</c> (always sent) or <c>conversation.tenantId</c>.</summary>
    public string? TenantId => ChannelData?.Tenant?.Id ?? Conversation.TenantId;

    /// <summary>The channel of a channel conversation, whatever the thread.</summary>
    public string? TeamsChannelId => ChannelData?.Channel?.Id ?? ChannelData?.TeamsChannelId;

    public string? TeamsTeamId => ChannelData?.Team?.Id ?? ChannelData?.TeamsTeamId;
}

public sealed record MessageActivity : Activity
{
    public string? Text { get; init; }

    public string? TextFormat { get; init; }

    public IReadOnlyList<Mention> Mentions { get; init; } = [];

    public IReadOnlyList<Attachment> Attachments { get; init; } = [];

    /// <summary>The data of an <c>Action.Submit</c> (card submits arrive as messages with a value).</summary>
    public JsonNode? Value { get; init; }

    /// <summary>The text with the bot's own @mention removed and white space tidied: what a command parser reads.</summary>
    public string CommandText { get; init; } = "";
}

public sealed record ConversationUpdateActivity : Activity
{
    public IReadOnlyList<ChannelAccount> MembersAdded { get; init; } = [];

    public IReadOnlyList<ChannelAccount> MembersRemoved { get; init; } = [];

    public string? EventType => ChannelData?.EventType;

    /// <summary>The bot itself was added (installed in a team, group chat or personal scope).</summary>
    public bool BotWasAdded => Recipient.Id is { } bot && MembersAdded.Any(m => m.Id == bot);

    public bool BotWasRemoved => Recipient.Id is { } bot && MembersRemoved.Any(m => m.Id == bot);
}

public sealed record InstallationUpdateActivity : Activity
{
    /// <summary><c>add</c>, <c>remove</c>, <c>add-upgrade</c> or <c>remove-upgrade</c>.</summary>
    public string? Action { get; init; }

    public bool IsAdd => Action is not null && Action.StartsWith("add", StringComparison.OrdinalIgnoreCase);

    public bool IsRemove => Action is not null && Action.StartsWith("remove", StringComparison.OrdinalIgnoreCase);
}

public sealed record InvokeActivity : Activity
{
    public const string AdaptiveCardActionName = "adaptiveCard/action";

    /// <summary><c>adaptiveCard/action</c> for Universal Actions.</summary>
    public string? Name { get; init; }

    public JsonNode? Value { get; init; }

    /// <summary>The <c>Action.Execute</c> of an <c>adaptiveCard/action</c> invoke; null for other invokes.</summary>
    public AdaptiveCardAction? CardAction { get; init; }
}

/// <summary><c>value</c> of an <c>adaptiveCard/action</c> invoke: the action as authored, with the inputs merged into data.</summary>
public sealed record AdaptiveCardAction(string? Type, string? Id, string? Verb, JsonNode? Data, string? Trigger)
{
    /// <summary>The user clicked (manual) rather than the card refreshing itself (automatic).</summary>
    public bool IsRefresh => string.Equals(Trigger, "automatic", StringComparison.OrdinalIgnoreCase);
}

public sealed record MessageReactionActivity : Activity
{
    public IReadOnlyList<MessageReaction> ReactionsAdded { get; init; } = [];

    public IReadOnlyList<MessageReaction> ReactionsRemoved { get; init; } = [];
}

/// <summary><c>messageUpdate</c>: an edit (<c>editMessage</c>) or an undelete (<c>undeleteMessage</c>).</summary>
public sealed record MessageUpdateActivity : Activity
{
    public string? Text { get; init; }

    public string? EventType => ChannelData?.EventType;
}

/// <summary><c>messageDelete</c> with <c>softDeleteMessage</c>.</summary>
public sealed record MessageDeleteActivity : Activity
{
    public string? EventType => ChannelData?.EventType;
}

public sealed record EventActivity : Activity
{
    public string? Name { get; init; }

    public JsonNode? Value { get; init; }
}

/// <summary>A type PmfBot does not handle: acknowledged with 200 and otherwise ignored.</summary>
public sealed record UnknownActivity : Activity;

/// <summary>A file, card or other attachment on a message, in or out.</summary>
public sealed record Attachment
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    public string? ContentType { get; init; }

    public string? ContentUrl { get; init; }

    public JsonNode? Content { get; init; }

    public string? Name { get; init; }

    public static Attachment AdaptiveCard(JsonNode card) => new() { ContentType = AdaptiveCardContentType, Content = card };
}
