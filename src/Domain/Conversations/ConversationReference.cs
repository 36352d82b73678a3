namespace PmfBot.Domain.Conversations;

public enum ConversationKind
{
    /// <summary>A person's 1:1 chat with the bot.</summary>
    Personal,
    GroupChat,

    /// <summary>A team channel: new posts go to the channel, replies to a thread in it.</summary>
    Channel,
}

/// <summary>
/// Where PmfBot can message someone or somewhere without being spoken to first: the service URL,
/// the conversation, and who or which channel it is. Recorded from every inbound activity and from
/// installs; the scheduler's deliveries read it.
/// <para>
/// A person's reference is keyed by their Entra object id and may not know the 1:1 conversation id
/// yet (the person was only seen in a channel): the connector can then create the 1:1 chat from the
/// user id and tenant, as long as the app is installed for them.
/// </para>
/// </summary>
public sealed class ConversationReference
{
    public const int MaxIdLength = 400;

    /// <summary>Tenant, Entra object and group ids (GUIDs in Teams).</summary>
    public const int MaxShortIdLength = 64;

    /// <summary>The bot's own id (<c>28:...</c>), and people's and teams' names (longer names are cut).</summary>
    public const int MaxNameLength = 200;

    public const int MaxServiceUrlLength = 400;

    public const int MaxChannelIdLength = 32;

    private ConversationReference()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Unique: <c>person:{entra object id}</c>, <c>channel:{channel id}</c> or <c>chat:{conversation id}</c>.</summary>
    public string Key { get; private set; } = "";

    public ConversationKind Kind { get; private set; }

    /// <summary>The Bot Connector endpoint for this conversation (from the latest activity).</summary>
    public string ServiceUrl { get; private set; } = "";

    /// <summary>Bot Framework channel id, <c>msteams</c>.</summary>
    public string ChannelId { get; private set; } = "";

    public string? TenantId { get; private set; }

    /// <summary>The conversation to send to; for a channel, the channel itself. Null for a person not yet seen in their 1:1 chat.</summary>
    public string? ConversationId { get; private set; }

    /// <summary>The person's bot-specific Teams user id (<c>29:...</c>).</summary>
    public string? UserId { get; private set; }

    /// <summary>The person's Entra object id (lower case): how a reference is matched to a <see cref="People.Person"/>.</summary>
    public string? EntraObjectId { get; private set; }

    public string? UserName { get; private set; }

    /// <summary>For a channel: the channel id (<c>19:...@thread.tacv2</c>) new threads are created in.</summary>
    public string? TeamsChannelId { get; private set; }

    public string? TeamId { get; private set; }

    /// <summary>The team's Microsoft 365 group (for Graph).</summary>
    public string? TeamAadGroupId { get; private set; }

    public string? TeamName { get; private set; }

    /// <summary>The bot's own account in this conversation (<c>28:...</c>).</summary>
    public string? BotId { get; private set; }

    public DateTimeOffset FirstSeenAt { get; private set; }

    public DateTimeOffset LastSeenAt { get; private set; }

    /// <summary>The app was uninstalled here (or the bot removed from the team).</summary>
    public DateTimeOffset? RemovedAt { get; private set; }

    /// <summary>Teams answered 403 MessageWritesBlocked: the person blocked the bot.</summary>
    public DateTimeOffset? BlockedAt { get; private set; }

    public bool CanBeMessaged => RemovedAt is null && BlockedAt is null;

    public static string PersonKey(string entraObjectId) => "person:" + entraObjectId.ToLowerInvariant();

    public static string ChannelKey(string channelId) => "channel:" + channelId;

    public static string ChatKey(string conversationId) => "chat:" + conversationId;

    public static ConversationReference From(ConversationSighting sighting, DateTimeOffset now)
    {
        var reference = new ConversationReference
        {
            Id = Guid.NewGuid(),
            Key = sighting.Key,
            Kind = sighting.Kind,
            FirstSeenAt = now,
        };
        reference.Apply(sighting, now);
        return reference;
    }

    /// <summary>
    /// Takes what the latest activity says. Returns false when nothing changed and the reference was
    /// seen within <paramref name="quietPeriod"/>, so a busy conversation is not rewritten on every message.
    /// </summary>
    public bool Apply(ConversationSighting sighting, DateTimeOffset now, TimeSpan quietPeriod = default)
    {
        if (sighting.Key != Key)
            throw new PmfRuleException($"A sighting of {sighting.Key} cannot update {Key}.");

        var before = (ServiceUrl, ChannelId, TenantId, ConversationId, UserId, EntraObjectId, UserName, TeamsChannelId, TeamId, TeamAadGroupId, TeamName, BotId, RemovedAt, BlockedAt);
        ServiceUrl = sighting.ServiceUrl;
        ChannelId = sighting.ChannelId;
        TenantId = sighting.TenantId ?? TenantId;
        ConversationId = sighting.ConversationId ?? ConversationId;
        UserId = sighting.UserId ?? UserId;
        EntraObjectId = sighting.EntraObjectId?.ToLowerInvariant() ?? EntraObjectId;
        UserName = Clip(sighting.UserName) ?? UserName;
        TeamsChannelId = sighting.TeamsChannelId ?? TeamsChannelId;
        TeamId = sighting.TeamId ?? TeamId;
        TeamAadGroupId = sighting.TeamAadGroupId ?? TeamAadGroupId;
        TeamName = Clip(sighting.TeamName) ?? TeamName;
        BotId = sighting.BotId ?? BotId;
        if (sighting.Removed)
        {
            RemovedAt ??= now;
        }
        else if (sighting.Installed || sighting.ConversationId is not null)
        {
            // Activity in the conversation itself shows the app is there again and the bot not blocked.
            RemovedAt = null;
            if (Kind != ConversationKind.Personal || sighting.ConversationId is not null)
                BlockedAt = null;
        }

        var changed = before != (ServiceUrl, ChannelId, TenantId, ConversationId, UserId, EntraObjectId, UserName, TeamsChannelId, TeamId, TeamAadGroupId, TeamName, BotId, RemovedAt, BlockedAt);
        if (!changed && now - LastSeenAt < quietPeriod)
            return false;
        LastSeenAt = now;
        return true;
    }

    public void MarkBlocked(DateTimeOffset now) => BlockedAt ??= now;

    // A name is only shown; one longer than the column is cut rather than refused (ids are checked on arrival).
    private static string? Clip(string? name) =>
        name is { Length: > MaxNameLength } ? name[..(char.IsHighSurrogate(name[MaxNameLength - 1]) ? MaxNameLength - 1 : MaxNameLength)] : name;
}

/// <summary>What one inbound activity says about one conversation, person or channel.</summary>
public sealed record ConversationSighting
{
    public required string Key { get; init; }

    public required ConversationKind Kind { get; init; }

    public required string ServiceUrl { get; init; }

    public required string ChannelId { get; init; }

    public string? TenantId { get; init; }

    public string? ConversationId { get; init; }

    public string? UserId { get; init; }

    public string? EntraObjectId { get; init; }

    public string? UserName { get; init; }

    public string? TeamsChannelId { get; init; }

    public string? TeamId { get; init; }

    public string? TeamAadGroupId { get; init; }

    public string? TeamName { get; init; }

    public string? BotId { get; init; }

    /// <summary>The app was just installed here (installationUpdate add, or the bot added to the conversation).</summary>
    public bool Installed { get; init; }

    /// <summary>The app was just uninstalled here (installationUpdate remove, or the bot removed).</summary>
    public bool Removed { get; init; }
}
