using System.Collections.Concurrent;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Outbox;
using PmfBot.Scheduler.Cycle;
using PmfBot.Scheduler.Delivery;

namespace PmfBot.Scheduler.Tests.Support;

/// <summary>
/// The bot's side of the seam, for tests: records every message it is asked to deliver (and
/// when, by the test clock), answers Sent unless told otherwise, and can be slow. Checks that no
/// conversation is ever sent two messages at once.
/// </summary>
public sealed class RecordingDelivery(TimeProvider clock) : IOutboxDelivery
{
    private readonly ConcurrentQueue<Delivered> _calls = new();
    private readonly ConcurrentQueue<OutboxMessage> _completed = new();
    private readonly ConcurrentDictionary<(Guid?, Guid?), int> _inFlight = new();
    private int _concurrent;
    private int _maxConcurrent;

    /// <summary>One call: the message as handed over, and the UK day and instant of the call.</summary>
    public sealed record Delivered(OutboxMessage Message, DateOnly Day, DateTimeOffset At)
    {
        public string Kind => Message.Kind;

        public Guid? To => Message.PersonId ?? Message.BoardId;

        public T Payload<T>() => PlannedMessage.Read<T>(Message.Payload);
    }

    /// <summary>Decides the outcome for a message; null means Sent.</summary>
    public Func<OutboxMessage, DeliveryOutcome?> Outcome { get; set; } = _ => null;

    /// <summary>How long a delivery takes (real time, observing cancellation).</summary>
    public Func<OutboxMessage, TimeSpan> Delay { get; set; } = _ => TimeSpan.Zero;

    public IReadOnlyList<Delivered> Calls => [.. _calls];

    /// <summary>The messages in the order their deliveries finished.</summary>
    public IReadOnlyList<OutboxMessage> Completed => [.. _completed];

    public int MaxConcurrent => _maxConcurrent;

    /// <summary>Set when a conversation was sent two messages at once.</summary>
    public bool OverlapSeen { get; private set; }

    public IReadOnlyList<Delivered> Of(string kind) => Calls.Where(c => c.Kind == kind).ToList();

    public async Task<DeliveryOutcome> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var conversation = (message.PersonId, message.BoardId);
        if (_inFlight.AddOrUpdate(conversation, 1, (_, n) => n + 1) > 1)
        {
            OverlapSeen = true;
        }

        var now = Interlocked.Increment(ref _concurrent);
        InterlockedMax(ref _maxConcurrent, now);
        try
        {
            _calls.Enqueue(new Delivered(message, UkTime.DateOf(clock.GetUtcNow()), clock.GetUtcNow()));
            var delay = Delay(message);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, cancellationToken);
            }

            _completed.Enqueue(message);
            return Outcome(message) ?? new DeliveryOutcome.Sent($"a:{conversation.PersonId ?? conversation.BoardId:N}", $"activity-{message.Id:N}");
        }
        finally
        {
            Interlocked.Decrement(ref _concurrent);
            _inFlight.AddOrUpdate(conversation, 0, (_, n) => n - 1);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
