using PmfBot.Domain.Calendar;

namespace PmfBot.Domain.Outbox;

public enum OutboxState
{
    Pending,

    /// <summary>Claimed by one server, which is sending it now.</summary>
    Sending,
    Sent,

    /// <summary>The connector's retries gave up; shown to the performance team.</summary>
    Failed,

    /// <summary>The person blocked the bot: not retried, the performance team is told.</summary>
    Blocked,

    /// <summary>The person has not installed PmfBot in Teams, so it cannot message them; the performance team is told.</summary>
    NotInstalled,
}

/// <summary>
/// One message PmfBot owes someone, written before it is sent. Its <see cref="Key"/> (what, for
/// whom, which period, which reminder) is unique, so a retried job, a second server or a
/// restart can never queue, and so never send, the same message twice.
/// </summary>
public sealed class OutboxMessage
{
    public const int MaxKeyLength = 200;

    private OutboxMessage()
    {
    }

    public Guid Id { get; private set; }

    public string Key { get; private set; } = "";

    /// <summary>What to send: "nudge.Reminder", "rating.ask-lead", "summary.board", ...</summary>
    public string Kind { get; private set; } = "";

    /// <summary>The person to message in their 1:1 chat, or null for a channel post.</summary>
    public Guid? PersonId { get; private set; }

    /// <summary>The board whose channel gets the post, for channel messages.</summary>
    public Guid? BoardId { get; private set; }

    public Period? Period { get; private set; }

    /// <summary>The ids the card is built from, as JSON (cards are rendered at send time).</summary>
    public string Payload { get; private set; } = "{}";

    public DateTimeOffset CreatedAt { get; private set; }

    public OutboxState State { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset? ClaimedAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>The conversation and message ids Teams gave the sent message: kept to update the card later.</summary>
    public string? ConversationId { get; private set; }

    public string? ActivityId { get; private set; }

    public string? LastError { get; private set; }

    public static OutboxMessage ToPerson(string key, string kind, Guid personId, Period? period, string payload, DateTimeOffset now) =>
        Create(key, kind, personId, null, period, payload, now);

    public static OutboxMessage ToBoardChannel(string key, string kind, Guid boardId, Period? period, string payload, DateTimeOffset now) =>
        Create(key, kind, null, boardId, period, payload, now);

    public void MarkSent(string conversationId, string? activityId, DateTimeOffset now)
    {
        State = OutboxState.Sent;
        ConversationId = conversationId;
        ActivityId = activityId;
        SentAt = now;
        LastError = null;
    }

    public void MarkFailed(string error, DateTimeOffset now)
    {
        State = OutboxState.Failed;
        LastError = Truncate(error);
        ClaimedAt = now;
    }

    public void MarkBlocked(DateTimeOffset now)
    {
        State = OutboxState.Blocked;
        LastError = "The person has blocked PmfBot in Teams.";
        ClaimedAt = now;
    }

    public void MarkNotInstalled(string? detail, DateTimeOffset now)
    {
        State = OutboxState.NotInstalled;
        LastError = detail is { Length: > 0 } ? Truncate(detail) : "The person has not installed PmfBot in Teams.";
        ClaimedAt = now;
    }

    /// <summary>
    /// Back in the queue to be sent again: after the app was installed for the person, or when
    /// the performance team retries a failed message.
    /// </summary>
    public void Requeue(string reason, DateTimeOffset now)
    {
        State = OutboxState.Pending;
        LastError = Truncate(reason);
        ClaimedAt = now;
    }

    private static string Truncate(string text) => text.Length > 1000 ? text[..1000] : text;

    private static OutboxMessage Create(string key, string kind, Guid? personId, Guid? boardId, Period? period, string payload, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > MaxKeyLength)
        {
            throw new ArgumentException($"An outbox key is 1 to {MaxKeyLength} characters.", nameof(key));
        }

        return new OutboxMessage
        {
            Id = Guid.CreateVersion7(now),
            Key = key,
            Kind = kind,
            PersonId = personId,
            BoardId = boardId,
            Period = period,
            Payload = payload,
            CreatedAt = now,
            State = OutboxState.Pending,
        };
    }
}
