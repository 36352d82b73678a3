using System.Collections.Concurrent;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PmfBot.Domain.Outbox;
using PmfBot.Domain.Storage;
using PmfBot.Scheduler.Cycle;
using PmfBot.Scheduler.Delivery;
using PmfBot.Scheduler.Graph;
using PmfBot.Scheduler.Hosting;
using PmfBot.Scheduler.Telemetry;

namespace PmfBot.Scheduler.Jobs;

/// <summary>
/// Sends what the outbox holds: claims each due message (only one server gets it), hands it to
/// <see cref="IOutboxDelivery"/> and records the outcome. Conversations are served in parallel
/// (up to <see cref="DeliveryOptions.MaxParallelConversations"/>), each conversation's messages
/// one at a time in the order they were queued; the connector client paces the sends to Teams'
/// limits. Runs until nothing is due. Safe to run on several servers at once.
/// </summary>
public sealed class DeliverOutboxJob(
    IServiceScopeFactory scopes,
    IOptions<SchedulerOptions> options,
    TimeProvider clock,
    SchedulerMetrics metrics,
    ILogger<DeliverOutboxJob> logger)
{
    public sealed record Result(int Sent, int Blocked, int NotInstalled, int Failed, int Requeued, int Abandoned, bool Paused = false)
    {
        public int Total => Sent + Blocked + NotInstalled + Failed + Requeued + Abandoned;
    }

    private enum Recorded
    {
        Sent,
        Blocked,
        NotInstalled,
        Failed,
        /// <summary>Back in the queue for a later run (installed through Graph, or Teams asked to try later).</summary>
        Requeued,

        /// <summary>Timed out or cancelled: left claimed, retried after the claim timeout.</summary>
        Abandoned,

        /// <summary>Another sender holds it (or an earlier message of its conversation).</summary>
        NotClaimed,
    }

    [AutomaticRetry(Attempts = 0)]
    public Task<Result> RunAsync(CancellationToken cancellationToken) =>
        metrics.TimeAsync("deliver_outbox", () => DeliverAllAsync(cancellationToken), r => r.Paused ? "paused" : "ran");

    private async Task<Result> DeliverAllAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value.Delivery;
        var counts = new ConcurrentDictionary<Recorded, int>();
        var run = new RunState();

        // One stream of conversations, read a batch at a time as senders come free: a batch's slowest
        // conversation (a 429 waiting out its Retry-After) no longer holds up the next batch.
        await Parallel.ForEachAsync(
            ConversationsAsync(settings.BatchSize, run, cancellationToken),
            new ParallelOptions { MaxDegreeOfParallelism = settings.MaxParallelConversations, CancellationToken = cancellationToken },
            async (ids, ct) =>
            {
                await using var scope = scopes.CreateAsyncScope();
                foreach (var id in ids)
                {
                    var recorded = await DeliverOneAsync(scope.ServiceProvider, id, ct);
                    counts.AddOrUpdate(recorded, 1, (_, n) => n + 1);
                    if (recorded is Recorded.NotClaimed or Recorded.Abandoned or Recorded.Requeued)
                    {
                        // Keep the conversation's order: its later messages wait for this one.
                        break;
                    }
                }
            });

        if (run.Paused && counts.IsEmpty)
        {
            return new Result(0, 0, 0, 0, 0, 0, Paused: true);
        }

        var result = new Result(
            counts.GetValueOrDefault(Recorded.Sent),
            counts.GetValueOrDefault(Recorded.Blocked),
            counts.GetValueOrDefault(Recorded.NotInstalled),
            counts.GetValueOrDefault(Recorded.Failed),
            counts.GetValueOrDefault(Recorded.Requeued),
            counts.GetValueOrDefault(Recorded.Abandoned),
            run.Paused);
        if (result.Total > 0)
        {
            logger.LogInformation("Outbox delivery: {Result}", result);
        }

        return result;
    }

    /// <summary>What one run has handed out so far, and whether it stopped for a pause.</summary>
    private sealed class RunState
    {
        public ConcurrentDictionary<Guid, bool> Tried { get; } = new();

        public bool Paused { get; set; }
    }

    /// <summary>Batches of due conversations until nothing is due or the cycle is paused; each message is handed out once a run.</summary>
    private async IAsyncEnumerable<List<Guid>> ConversationsAsync(int batchSize, RunState run, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var conversations = await NextBatchAsync(batchSize, run.Tried, cancellationToken);
            if (conversations is null)
            {
                run.Paused = true;
                yield break;
            }

            if (conversations.Count == 0)
            {
                yield break;
            }

            foreach (var ids in conversations)
            {
                ids.ForEach(id => run.Tried[id] = true);
                yield return ids;
            }
        }
    }

    /// <summary>
    /// Due message ids not yet tried in this run, grouped by conversation (person or board) in
    /// queue order; conversations another sender is busy with are left to it. Null when paused.
    /// </summary>
    private async Task<List<List<Guid>>?> NextBatchAsync(int batchSize, ConcurrentDictionary<Guid, bool> tried, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmfDbContext>();
        if (await scope.ServiceProvider.GetRequiredService<CycleStateStore>().IsPausedAsync(cancellationToken))
        {
            return null;
        }

        var due = await scope.ServiceProvider.GetRequiredService<OutboxStore>().DueAsync(batchSize + tried.Count, cancellationToken);
        var ids = due.Where(id => !tried.ContainsKey(id)).Take(batchSize).ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = await db.Outbox.AsNoTracking().Where(m => ids.Contains(m.Id))
            .Select(m => new { m.Id, m.PersonId, m.BoardId, m.CreatedAt })
            .ToListAsync(cancellationToken);
        var fresh = clock.GetUtcNow() - OutboxStore.ClaimTimeout;
        var busy = (await db.Outbox.AsNoTracking()
                .Where(m => m.State == OutboxState.Sending && m.ClaimedAt >= fresh)
                .Select(m => new { m.PersonId, m.BoardId })
                .ToListAsync(cancellationToken))
            .Select(b => (b.PersonId, b.BoardId))
            .ToHashSet();
        return rows
            .Where(r => !busy.Contains((r.PersonId, r.BoardId)))
            .GroupBy(r => (r.PersonId, r.BoardId))
            .Select(g => g.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Select(r => r.Id).ToList())
            .ToList();
    }

    private async Task<Recorded> DeliverOneAsync(IServiceProvider services, Guid id, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<OutboxStore>();
        if (!await store.TryClaimAsync(id, cancellationToken))
        {
            return Recorded.NotClaimed;
        }

        var db = services.GetRequiredService<PmfDbContext>();
        db.ChangeTracker.Clear();
        var message = await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
        var settings = options.Value.Delivery;
        DeliveryOutcome outcome;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(settings.Timeout);
            try
            {
                outcome = await services.GetRequiredService<IOutboxDelivery>().DeliverAsync(message, timeout.Token);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                if (cancellationToken.IsCancellationRequested || message.Attempts < settings.MaxAttempts)
                {
                    // Unknown whether Teams got it: the claim times out and it is sent again.
                    logger.LogWarning("Delivery of {MessageId} ({Kind}) did not finish in time (attempt {Attempt}); it will be retried", id, message.Kind, message.Attempts);
                    metrics.OutboxDelivered(message.Kind, OutcomeTag(Recorded.Abandoned));
                    return Recorded.Abandoned;
                }

                outcome = new DeliveryOutcome.Failed($"Delivery did not finish within {settings.Timeout} on {message.Attempts} attempts.");
            }
            catch (Exception ex) when (!timeout.IsCancellationRequested)
            {
                logger.LogError(ex, "Delivery of {MessageId} ({Kind}) threw", id, message.Kind);
                outcome = new DeliveryOutcome.Failed($"{ex.GetType().Name}: {ex.Message}");
            }
        }

        return await RecordAsync(services, db, message, outcome);
    }

    // Recorded even when the job is being stopped: Teams has the message, the outbox must say so.
    private async Task<Recorded> RecordAsync(IServiceProvider services, PmfDbContext db, OutboxMessage sent, DeliveryOutcome outcome)
    {
        var now = clock.GetUtcNow();
        var message = await db.Outbox.SingleAsync(m => m.Id == sent.Id, CancellationToken.None);
        var recorded = Recorded.Failed;
        switch (outcome)
        {
            case DeliveryOutcome.Sent s:
                message.MarkSent(s.ConversationId, s.ActivityId, now);
                recorded = Recorded.Sent;
                break;
            case DeliveryOutcome.Blocked:
                message.MarkBlocked(now);
                if (message.PersonId is { } blocker)
                {
                    var person = await db.People.SingleOrDefaultAsync(p => p.Id == blocker, CancellationToken.None);
                    person?.MarkBlockedBot(true);
                }

                logger.LogWarning("{PersonId} has blocked PmfBot: {Kind} {MessageId} not delivered", message.PersonId, message.Kind, message.Id);
                recorded = Recorded.Blocked;
                break;
            case DeliveryOutcome.NotInstalled n:
                recorded = await InstallOrGiveUpAsync(services, db, message, n, now);
                break;
            case DeliveryOutcome.TryLater later when message.Attempts < options.Value.Delivery.MaxAttempts:
                message.Requeue($"Teams did not take it on attempt {message.Attempts}; trying again: {later.Reason}", now);
                logger.LogWarning("Delivery of {MessageId} ({Kind}) will be tried again (attempt {Attempt}): {Reason}", message.Id, message.Kind, message.Attempts, later.Reason);
                recorded = Recorded.Requeued;
                break;
            case DeliveryOutcome.TryLater later:
                message.MarkFailed($"{later.Reason} Gave up after {message.Attempts} attempts.", now);
                logger.LogWarning("Delivery of {MessageId} ({Kind}) gave up after {Attempts} attempts: {Reason}", message.Id, message.Kind, message.Attempts, later.Reason);
                recorded = Recorded.Failed;
                break;
            case DeliveryOutcome.Failed f:
                message.MarkFailed(f.Error, now);
                logger.LogWarning("Delivery of {MessageId} ({Kind}) failed: {Error}", message.Id, message.Kind, f.Error);
                recorded = Recorded.Failed;
                break;
        }

        await db.SaveChangesAsync(CancellationToken.None);
        metrics.OutboxDelivered(message.Kind, OutcomeTag(recorded));
        return recorded;
    }

    private static string OutcomeTag(Recorded recorded) => recorded switch
    {
        Recorded.Sent => "sent",
        Recorded.Requeued => "retried",
        Recorded.Abandoned => "timed_out",
        Recorded.Blocked => "blocked",
        Recorded.NotInstalled => "not_installed",
        _ => "given_up",
    };

    // When the council allows it, PmfBot is installed for the person through Graph and the
    // message queued again (a later run sends it, once Teams has told the bot of the install).
    private async Task<Recorded> InstallOrGiveUpAsync(IServiceProvider services, PmfDbContext db, OutboxMessage message, DeliveryOutcome.NotInstalled outcome, DateTimeOffset now)
    {
        var objectId = message.PersonId is { } personId
            ? await db.People.Where(p => p.Id == personId).Select(p => p.EntraObjectId).SingleOrDefaultAsync(CancellationToken.None)
            : null;
        if (objectId is not null && message.Attempts < options.Value.Delivery.MaxAttempts)
        {
            try
            {
                if (await services.GetRequiredService<IDirectory>().InstallAppForUserAsync(objectId, CancellationToken.None))
                {
                    message.Requeue("PmfBot was not installed for the person; installed it through Graph, sending again.", now);
                    return Recorded.Requeued;
                }
            }
            catch (DirectoryException ex)
            {
                logger.LogWarning(ex, "Could not install PmfBot for {PersonId}", message.PersonId);
            }
        }

        message.MarkNotInstalled(outcome.Detail, now);
        logger.LogWarning("{PersonId} has not installed PmfBot: {Kind} {MessageId} not delivered", message.PersonId, message.Kind, message.Id);
        return Recorded.NotInstalled;
    }
}
