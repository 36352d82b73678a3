namespace PmfBot.Bot.Teams.Activities;

/// <summary>A user or bot in a conversation: <c>29:...</c> users, <c>28:...</c> bots.</summary>
public sealed record ChannelAccount
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    /// <summary>The person's Entra object id: how PmfBot matches a Teams user to a person.</summary>
    public string? AadObjectId { get; init; }

    public string? Role { get; init; }
}

public sealed record ConversationAccount
{
    /// <summary>A personal chat (<c>a:...</c>), a group chat or a channel thread (<c>19:...@thread.tacv2;messageid=...</c>).</summary>
    public string? Id { get; init; }

    public string? Name { get; init; }

    public bool? IsGroup { get; init; }

    /// <summary><c>personal</c>, <c>groupChat</c> or <c>channel</c>.</summary>
    public string? ConversationType { get; init; }

    public string? TenantId { get; init; }
}

/// <summary>Teams' <c>channelData</c>: the definitive source of tenant, team and channel ids.</summary>
public sealed record TeamsChannelData
{
    public TenantInfo? Tenant { get; init; }

    public TeamInfo? Team { get; init; }

    public ChannelInfo? Channel { get; init; }

    /// <summary><c>teamMemberAdded</c>, <c>channelCreated</c>, <c>editMessage</c>, <c>softDeleteMessage</c>, ...</summary>
    public string? EventType { get; init; }

    public TeamsChannelDataSettings? Settings { get; init; }

    /// <summary>In a meeting's chat and on meeting events: the meeting (its id is the one to use, not <c>value.Id</c>).</summary>
    public MeetingInfo? Meeting { get; init; }

    /// <summary>Deprecated by Teams, still sent by older payloads.</summary>
    public string? TeamsChannelId { get; init; }

    /// <summary>Deprecated by Teams, still sent by older payloads.</summary>
    public string? TeamsTeamId { get; init; }
}

public sealed record TenantInfo
{
    public string? Id { get; init; }
}

public sealed record TeamInfo
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? AadGroupId { get; init; }
}

public sealed record ChannelInfo
{
    public string? Id { get; init; }

    public string? Name { get; init; }
}

public sealed record MeetingInfo
{
    public string? Id { get; init; }
}

public sealed record TeamsChannelDataSettings
{
    /// <summary>The channel picked when the app was added to a team.</summary>
    public ChannelInfo? SelectedChannel { get; init; }
}

/// <summary>An @mention in a message: <c>&lt;at&gt;Name&lt;/at&gt;</c> in the text plus this entity.</summary>
public sealed record Mention(string? Id, string? Name, string? Text);

public sealed record MessageReaction
{
    /// <summary><c>like</c>, <c>heart</c>, <c>laugh</c>, ...</summary>
    public string? Type { get; init; }
}
