using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using PmfBot.Bot.Teams.Configuration;

namespace PmfBot.Bot.Teams.Connector;

/// <summary>
/// Keeps the bot under Teams' limits before Teams answers 429: a global bucket for every connector
/// request of this app, chained with sliding windows per conversation for the calls that write
/// (send, reply, update, delete, create). A singleton, so its state outlives the handlers
/// IHttpClientFactory recycles. Requests over the limit wait their turn.
/// </summary>
public sealed class ConnectorRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string?> _limiter;

    public ConnectorRateLimiter(IOptions<BotOptions> options)
    {
        var connector = options.Value.Connector;
        var queueLimit = connector.RateLimitQueueLimit;

        var global = PartitionedRateLimiter.Create<string?, string>(_ => RateLimitPartition.GetTokenBucketLimiter("global", _ =>
            new TokenBucketRateLimiterOptions
            {
                TokenLimit = connector.GlobalPermitsPerSecond,
                TokensPerPeriod = connector.GlobalPermitsPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = queueLimit,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            }));

        var perConversation = connector.EffectivePerConversationLimits.Select(window =>
            PartitionedRateLimiter.Create<string?, string>(key => key is null
                ? RateLimitPartition.GetNoLimiter("")
                : RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
                {
                    PermitLimit = window.Permits,
                    Window = window.Window,
                    SegmentsPerWindow = 20,
                    QueueLimit = queueLimit,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    AutoReplenishment = true,
                })));

        _limiter = PartitionedRateLimiter.CreateChained([global, .. perConversation]);
    }

    /// <summary>Waits for a permit. <paramref name="conversationKey"/> null: a read, only the global limit applies.</summary>
    public async ValueTask<bool> AcquireAsync(string? conversationKey, CancellationToken cancellationToken)
    {
        using var lease = await _limiter.AcquireAsync(conversationKey, 1, cancellationToken);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
