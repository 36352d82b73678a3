using PmfBot.Domain.Outbox;

namespace PmfBot.Scheduler.Delivery;

/// <summary>
/// Sends one outbox message into Teams. Declared here, implemented by the bot (it renders the
/// card for <see cref="OutboxMessage.Kind"/> from the ids in <see cref="OutboxMessage.Payload"/>
/// and sends it through the connector client); <see cref="Jobs.DeliverOutboxJob"/> calls it for
/// each message it has claimed and records the outcome.
/// </summary>
/// <remarks>
/// The contract:
/// <list type="bullet">
/// <item>A message has <see cref="OutboxMessage.PersonId"/> (a 1:1 chat) or
/// <see cref="OutboxMessage.BoardId"/> (a new thread in the board's channel), never both.</item>
/// <item>The implementation does its own retries (429, 412, 502, 504 with backoff and
/// <c>Retry-After</c>) and its own rate limiting, within <c>cancellationToken</c>, and returns
/// <see cref="DeliveryOutcome.TryLater"/> when they gave up on an error that means Teams did not act,
/// <see cref="DeliveryOutcome.Failed"/> when the message may have been posted or cannot be sent.</item>
/// <item>It returns <see cref="DeliveryOutcome.Blocked"/> for 403 <c>MessageWritesBlocked</c>,
/// <see cref="DeliveryOutcome.NotInstalled"/> when there is no conversation reference for the
/// person (they never installed the app), and <see cref="DeliveryOutcome.Sent"/> with the ids
/// Teams gave, kept so the card can be updated later.</item>
/// <item>It is called concurrently for different recipients, never for two messages of the same
/// recipient at once from one job run.</item>
/// <item>Throwing is treated as <see cref="DeliveryOutcome.Failed"/> with the exception's
/// message. If <c>cancellationToken</c> is cancelled (shutdown, or the job's delivery timeout)
/// the outcome is unknown: the message stays claimed and is sent again once the claim times out
/// (<see cref="OutboxStore.ClaimTimeout"/>).</item>
/// </list>
/// </remarks>
public interface IOutboxDelivery
{
    Task<DeliveryOutcome> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>What happened to one message.</summary>
public abstract record DeliveryOutcome
{
    private DeliveryOutcome()
    {
    }

    /// <summary>Teams accepted it: the conversation and the message (activity) ids.</summary>
    public sealed record Sent(string ConversationId, string? ActivityId) : DeliveryOutcome;

    /// <summary>The person blocked the bot (403 MessageWritesBlocked): not retried, the performance team is told.</summary>
    public sealed record Blocked(string? Detail = null) : DeliveryOutcome;

    /// <summary>No conversation with the person: they have not installed the app.</summary>
    public sealed record NotInstalled(string? Detail = null) : DeliveryOutcome;

    /// <summary>
    /// Sent, or possibly sent, and not to be sent again blind: the connector's answer was an error that
    /// may have followed a post (500, or no answer at all), or the message cannot be sent (no channel,
    /// unknown kind). The performance team sees it in the problems and decides.
    /// </summary>
    public sealed record Failed(string Error) : DeliveryOutcome;

    /// <summary>
    /// Teams did not take the message and did not act on it (503, or 429, 412, 502 and 504 once the
    /// connector's own retries gave up; no token; the send-rate queue full): a later run sends it
    /// again, up to <c>Scheduler:Delivery:MaxAttempts</c>, after which it is <see cref="Failed"/>.
    /// </summary>
    public sealed record TryLater(string Reason) : DeliveryOutcome;
}
