using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Storage;

namespace PmfBot.Domain.Outbox;

/// <summary>
/// Queues messages once (insert unless the key exists, atomically in the database) and hands
/// each pending message to exactly one sender (a conditional update claims it).
/// </summary>
public sealed class OutboxStore(PmfDbContext db, TimeProvider clock)
{
    /// <summary>A claim older than this is presumed dead (the server died mid-send) and may be taken again.</summary>
    public static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Adds the messages whose keys are new; returns how many were added.</summary>
    public async Task<int> EnqueueAsync(IEnumerable<OutboxMessage> messages, CancellationToken cancellationToken = default)
    {
        var added = 0;
        if (!db.IsSqlite)
        {
            foreach (var m in messages)
            {
                added += await InsertOnPostgresAsync(m, cancellationToken);
            }

            return added;
        }

        // On SQLite every commit is a disk flush: a campaign is written in a few transactions,
        // not one per message (1,000 messages took 30 s one by one).
        foreach (var chunk in messages.Chunk(SqliteChunk))
        {
            await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            foreach (var m in chunk)
            {
                added += await AddUnlessKnownAsync(m, cancellationToken);
            }

            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }

        return added;
    }

    private const int SqliteChunk = 250;

    // PostgreSQL decides atomically: two servers queueing the same key at once add one row.
    private Task<int> InsertOnPostgresAsync(OutboxMessage m, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO outbox ("Id", "Key", "Kind", "PersonId", "BoardId", "Period", "Payload", "CreatedAt", "State", "Attempts")
            VALUES ({m.Id}, {m.Key}, {m.Kind}, {m.PersonId}, {m.BoardId}, {m.Period?.Key}, {m.Payload}, {m.CreatedAt}, 'Pending', 0)
            ON CONFLICT ("Key") DO NOTHING
            """,
            cancellationToken);

    // The embedded default is one process writing to one file: a check then an insert is enough,
    // and the unique index still refuses a duplicate if it ever races.
    private async Task<int> AddUnlessKnownAsync(OutboxMessage m, CancellationToken cancellationToken)
    {
        if (await db.Outbox.AnyAsync(o => o.Key == m.Key, cancellationToken))
        {
            return 0;
        }

        db.Outbox.Add(m);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return 1;
        }
        catch (DbUpdateException)
        {
            db.Entry(m).State = EntityState.Detached;
            if (await db.Outbox.AsNoTracking().AnyAsync(o => o.Key == m.Key, cancellationToken))
            {
                return 0;
            }

            throw;
        }
        finally
        {
            db.Entry(m).State = EntityState.Detached;
        }
    }

    /// <summary>Ids of messages waiting to be sent (pending, or claimed by a server that died).</summary>
    public async Task<IReadOnlyList<Guid>> DueAsync(int max, CancellationToken cancellationToken = default)
    {
        var stale = clock.GetUtcNow() - ClaimTimeout;
        return await db.Outbox.AsNoTracking()
            .Where(m => m.State == OutboxState.Pending || (m.State == OutboxState.Sending && m.ClaimedAt < stale))
            .OrderBy(m => m.CreatedAt)
            .Select(m => m.Id)
            .Take(max)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Claims one message for this sender. Only one concurrent caller gets true: the update is
    /// conditional on the state it read.
    /// </summary>
    public async Task<bool> TryClaimAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var stale = now - ClaimTimeout;
        var claimed = await db.Outbox
            .Where(m => m.Id == id && (m.State == OutboxState.Pending || (m.State == OutboxState.Sending && m.ClaimedAt < stale)))
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.State, OutboxState.Sending)
                    .SetProperty(m => m.ClaimedAt, now)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1),
                cancellationToken);
        return claimed == 1;
    }
}
