using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using PmfBot.Bot.Teams.Configuration;

namespace PmfBot.Bot.Teams.Connector;

/// <summary>
/// Keeps the bot under Teams' limits before Teams answers 429: per conversation, every window of
/// <see cref="ConnectorOptions.EffectivePerConversationLimits"/> (7 per second, 8 per 2 s, 60 per 30 s, 1800 per
/// hour) for the calls that write (send, reply, update, delete, create); and one global rate for every
/// connector request of this app. Requests over a limit wait their turn. A singleton, so its state outlives
/// the handlers IHttpClientFactory recycles.
/// <para>
/// An exact sliding log (the times of recent grants), not System.Threading.RateLimiting's sliding window:
/// inside a partitioned limiter that one advances a segment per 100 ms heartbeat, which stretched a 1 s
/// window to about 2 s in tests.
/// </para>
/// </summary>
public sealed class ConnectorRateLimiter : IDisposable
{
    private readonly SlidingLogLimiter _global;
    private readonly SlidingLogLimiter _perConversation;

    public ConnectorRateLimiter(IOptions<BotOptions> options, TimeProvider time)
    {
        var connector = options.Value.Connector;
        _global = new SlidingLogLimiter([new RateWindow { Permits = connector.GlobalPermitsPerSecond, Window = TimeSpan.FromSeconds(1) }], connector.RateLimitQueueLimit, time);
        _perConversation = new SlidingLogLimiter(connector.EffectivePerConversationLimits, connector.RateLimitQueueLimit, time);
    }

    /// <summary>Waits for a permit. <paramref name="conversationKey"/> null: a read, only the global rate applies.</summary>
    public async ValueTask<bool> AcquireAsync(string? conversationKey, CancellationToken cancellationToken) =>
        (conversationKey is null || await _perConversation.AcquireAsync(conversationKey, cancellationToken)) &&
        await _global.AcquireAsync("", cancellationToken);

    public void Dispose()
    {
        _global.Dispose();
        _perConversation.Dispose();
    }
}

/// <summary>For each key, the times of its recent grants; a request goes when every window has room.</summary>
internal sealed class SlidingLogLimiter(IReadOnlyList<RateWindow> windows, int queueLimit, TimeProvider time) : IDisposable
{
    private readonly ConcurrentDictionary<string, GrantLog> _logs = new();
    private readonly int _keep = windows.Max(w => w.Permits);
    private readonly TimeSpan _longest = windows.Max(w => w.Window);
    private int _waiting;
    private int _grantsSinceSweep;

    public async ValueTask<bool> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        var log = _logs.GetOrAdd(key, _ => new GrantLog());
        var queued = false;
        if (!log.Gate.Wait(0))
        {
            if (!TryQueue())
                return false;
            queued = true;
            await log.Gate.WaitAsync(cancellationToken);
        }

        try
        {
            while (true)
            {
                var now = time.GetUtcNow();
                var wait = log.WaitTime(now, windows);
                if (wait <= TimeSpan.Zero)
                {
                    log.Record(now, _keep);
                    Sweep(now);
                    return true;
                }

                if (!queued)
                {
                    if (!TryQueue())
                        return false;
                    queued = true;
                }

                await Task.Delay(wait, time, cancellationToken);
            }
        }
        finally
        {
            if (queued)
                Interlocked.Decrement(ref _waiting);
            log.Gate.Release();
        }
    }

    public void Dispose()
    {
        foreach (var log in _logs.Values)
            log.Gate.Dispose();
    }

    private bool TryQueue()
    {
        if (Interlocked.Increment(ref _waiting) <= queueLimit)
            return true;
        Interlocked.Decrement(ref _waiting);
        return false;
    }

    /// <summary>Now and then, forget keys with no grant inside the longest window.</summary>
    private void Sweep(DateTimeOffset now)
    {
        if (Interlocked.Increment(ref _grantsSinceSweep) % 1000 != 0)
            return;
        foreach (var (key, log) in _logs)
        {
            if (log.Gate.CurrentCount == 1 && log.LastGrant + _longest < now)
                _logs.TryRemove(key, out _);
        }
    }

    private sealed class GrantLog
    {
        private readonly List<DateTimeOffset> _grants = [];

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public DateTimeOffset LastGrant { get; private set; }

        public TimeSpan WaitTime(DateTimeOffset now, IReadOnlyList<RateWindow> windows)
        {
            var wait = TimeSpan.Zero;
            foreach (var window in windows)
            {
                if (_grants.Count < window.Permits)
                    continue;
                var opensAt = _grants[^window.Permits] + window.Window;
                if (opensAt - now > wait)
                    wait = opensAt - now;
            }

            return wait;
        }

        public void Record(DateTimeOffset now, int keep)
        {
            _grants.Add(now);
            LastGrant = now;
            if (_grants.Count > 2 * keep)
                _grants.RemoveRange(0, _grants.Count - keep);
        }
    }
}
