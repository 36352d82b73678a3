using System.Text.Json.Nodes;
using PmfBot.Bot.Teams.Activities;

namespace PmfBot.Bot.Teams.Connector;

/// <summary>An activity the bot sends: a message, a card, an update of an earlier message.</summary>
public sealed record OutgoingActivity
{
    public string Type { get; init; } = ActivityTypes.Message;

    /// <summary>Set for an update (PUT): the id of the bot's own message.</summary>
    public string? Id { get; init; }

    public string? Text { get; init; }

    /// <summary><c>plain</c>, <c>markdown</c> or <c>xml</c>.</summary>
    public string? TextFormat { get; init; }

    /// <summary>The line shown in notifications and the activity feed.</summary>
    public string? Summary { get; init; }

    public IReadOnlyList<Attachment>? Attachments { get; init; }

    public JsonArray? Entities { get; init; }

    public JsonObject? ChannelData { get; init; }

    public ChannelAccount? From { get; init; }

    public ChannelAccount? Recipient { get; init; }

    public ConversationAccount? Conversation { get; init; }

    public string? ReplyToId { get; init; }

    public string? Locale { get; init; }

    public static OutgoingActivity FromText(string text) => new() { Text = text, TextFormat = "plain" };

    public static OutgoingActivity FromCard(JsonNode card, string? summary = null) =>
        new() { Attachments = [Attachment.AdaptiveCard(card)], Summary = summary };
}

/// <summary><c>POST /v3/conversations</c> body.</summary>
public sealed record ConversationParameters
{
    public bool? IsGroup { get; init; }

    public ChannelAccount? Bot { get; init; }

    public IReadOnlyList<ChannelAccount>? Members { get; init; }

    public string? TopicName { get; init; }

    /// <summary>For a channel post: the first message of the new thread.</summary>
    public OutgoingActivity? Activity { get; init; }

    public JsonObject? ChannelData { get; init; }

    public string? TenantId { get; init; }
}

public sealed record ResourceResponse
{
    /// <summary>The id of the activity sent: keep it to update the message later.</summary>
    public string? Id { get; init; }
}

public sealed record ConversationResourceResponse
{
    public string? Id { get; init; }

    /// <summary>For a channel thread created with an activity: that first message's id.</summary>
    public string? ActivityId { get; init; }

    public string? ServiceUrl { get; init; }
}

public sealed record TeamsChannelAccount
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? AadObjectId { get; init; }

    public string? Email { get; init; }

    public string? UserPrincipalName { get; init; }

    public string? GivenName { get; init; }

    public string? Surname { get; init; }

    public string? TenantId { get; init; }

    public string? UserRole { get; init; }
}

public sealed record PagedMembersResult
{
    public string? ContinuationToken { get; init; }

    public IReadOnlyList<TeamsChannelAccount> Members { get; init; } = [];
}

/// <summary>Bot Framework error envelope: <c>{"error":{"code":"...","message":"..."}}</c>.</summary>
internal sealed record ErrorResponse
{
    public ErrorBody? Error { get; init; }
}

internal sealed record ErrorBody
{
    public string? Code { get; init; }

    public string? Message { get; init; }
}

internal sealed record TokenResponse
{
    [System.Text.Json.Serialization.JsonPropertyName("access_token")]
    public string? AccessToken { get; init; }

    [System.Text.Json.Serialization.JsonPropertyName("expires_in")]
    public long? ExpiresIn { get; init; }

    [System.Text.Json.Serialization.JsonPropertyName("token_type")]
    public string? TokenType { get; init; }

    [System.Text.Json.Serialization.JsonPropertyName("error")]
    public string? Error { get; init; }
}
