using System.Threading.Channels;
using Microsoft.Extensions.Options;
using PmfBot.Bot.Teams.Activities;
using PmfBot.Bot.Teams.Configuration;

namespace PmfBot.Bot.Teams.Messaging;

/// <summary>One unit of background work: an accepted activity, and whether only the observers should see it (invokes).</summary>
public sealed record QueuedActivity(Activity Activity, bool ObserversOnly);

/// <summary>
/// The bounded queue between <c>/api/messages</c> and the handlers, so Teams gets its 200 at once.
/// Tests wait for it with <see cref="WhenIdleAsync"/>.
/// </summary>
public sealed class ActivityQueue
{
    private readonly Channel<QueuedActivity> _channel;
    private readonly TimeSpan _enqueueTimeout;
    private readonly Lock _lock = new();
    private int _pending;
    private TaskCompletionSource _idle = NewCompleted();

    public ActivityQueue(IOptions<BotOptions> options)
    {
        var queue = options.Value.Queue;
        _enqueueTimeout = queue.EnqueueTimeout;
        _channel = Channel.CreateBounded<QueuedActivity>(new BoundedChannelOptions(queue.Capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
            SingleWriter = false,
        });
    }

    internal ChannelReader<QueuedActivity> Reader => _channel.Reader;

    /// <summary>Queues the work, waiting up to <see cref="ActivityQueueOptions.EnqueueTimeout"/> for room; false when full.</summary>
    public async Task<bool> EnqueueAsync(QueuedActivity work, CancellationToken cancellationToken)
    {
        Started();
        try
        {
            if (_channel.Writer.TryWrite(work))
                return true;

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_enqueueTimeout);
            await _channel.Writer.WriteAsync(work, timeout.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Finished();
            return false;
        }
        catch
        {
            Finished();
            throw;
        }
    }

    /// <summary>Completes when nothing is queued or being handled.</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
            return _idle.Task.WaitAsync(cancellationToken);
    }

    internal void Finished()
    {
        lock (_lock)
        {
            if (--_pending == 0)
                _idle.TrySetResult();
        }
    }

    private void Started()
    {
        lock (_lock)
        {
            if (_pending++ == 0)
                _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    private static TaskCompletionSource NewCompleted()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
        return done;
    }
}

/// <summary>Reads the queue with <see cref="ActivityQueueOptions.Workers"/> loops and hands each activity to the router.</summary>
internal sealed class ActivityQueueWorker(
    ActivityQueue queue,
    ActivityRouter router,
    IOptions<BotOptions> options,
    ILogger<ActivityQueueWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.Queue.Workers).Select(_ => RunAsync(stoppingToken)));

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var work in queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await router.ProcessAsync(work, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(ex, "Handling {ActivityType} activity {ActivityId} failed", work.Activity.Type, work.Activity.Id);
                }
                finally
                {
                    queue.Finished();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogInformation("Activity queue stopped; activities still queued are dropped (Teams already has its 200)");
        }
    }
}
