namespace PmfBot.Bench.Fakes;

/// <summary>
/// Teams' documented limits for a bot, enforced as Teams would: per bot per conversation (thread)
/// 7 requests in any 1 s, 8 in 2 s, 60 in 30 s and 1,800 in an hour; and a global rate for the app
/// (Teams documents 50 requests a second per app per tenant). A request over a limit is refused
/// (the fake answers 429 with Retry-After) and does not count; a granted one counts against every window.
/// Windows slide exactly: a log of grant times per conversation.
/// </summary>
public sealed class TeamsLimits(int? globalPerSecond)
{
    public static readonly (int Permits, TimeSpan Window)[] PerConversation =
    [
        (7, TimeSpan.FromSeconds(1)),
        (8, TimeSpan.FromSeconds(2)),
        (60, TimeSpan.FromSeconds(30)),
        (1800, TimeSpan.FromHours(1)),
    ];

    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<long>> _conversations = [];
    private readonly Queue<long> _global = new();

    public int? GlobalPerSecond { get; } = globalPerSecond;

    /// <summary>Null when granted; otherwise how long until the request would fit.</summary>
    public TimeSpan? TryGrant(string? conversation, long nowTicks)
    {
        lock (_gate)
        {
            var wait = TimeSpan.Zero;
            if (GlobalPerSecond is { } global)
            {
                while (_global.Count > 0 && _global.Peek() <= nowTicks - TimeSpan.TicksPerSecond)
                {
                    _global.Dequeue();
                }

                if (_global.Count >= global)
                {
                    wait = TimeSpan.FromTicks(_global.Peek() + TimeSpan.TicksPerSecond - nowTicks);
                }
            }

            List<long>? log = null;
            if (conversation is not null)
            {
                log = _conversations.TryGetValue(conversation, out var existing) ? existing : _conversations[conversation] = [];
                foreach (var (permits, window) in PerConversation)
                {
                    if (log.Count >= permits && log[^permits] + window.Ticks > nowTicks)
                    {
                        var opens = TimeSpan.FromTicks(log[^permits] + window.Ticks - nowTicks);
                        wait = opens > wait ? opens : wait;
                    }
                }
            }

            if (wait > TimeSpan.Zero)
            {
                return wait;
            }

            if (GlobalPerSecond is not null)
            {
                _global.Enqueue(nowTicks);
            }

            log?.Add(nowTicks);
            return null;
        }
    }
}
