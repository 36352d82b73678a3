using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Storage;

namespace PmfBot.Domain.Outbox;

/// <summary>
/// What the performance team needs to act on: messages PmfBot could not deliver because the
/// person blocked the bot, has not installed it, or the send failed after its retries. Read by
/// the chat command that lists delivery problems; newest first.
/// </summary>
public sealed class OutboxProblems(PmfDbContext db)
{
    public sealed record Problem(
        Guid MessageId,
        string Kind,
        OutboxState State,
        Guid? PersonId,
        string? PersonName,
        Guid? BoardId,
        string? BoardName,
        string? PeriodKey,
        int Attempts,
        DateTimeOffset CreatedAt,
        string? Error);

    public async Task<IReadOnlyList<Problem>> ListAsync(int max = 200, CancellationToken cancellationToken = default)
    {
        var rows = await db.Outbox.AsNoTracking()
            .Where(m => m.State == OutboxState.Blocked || m.State == OutboxState.Failed || m.State == OutboxState.NotInstalled)
            .OrderByDescending(m => m.CreatedAt)
            .Take(max)
            .ToListAsync(cancellationToken);
        var personIds = rows.Where(m => m.PersonId != null).Select(m => m.PersonId!.Value).Distinct().ToList();
        var boardIds = rows.Where(m => m.BoardId != null).Select(m => m.BoardId!.Value).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var boards = await db.Boards.AsNoTracking().Where(b => boardIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Name, cancellationToken);
        return rows.Select(m => new Problem(
                m.Id,
                m.Kind,
                m.State,
                m.PersonId,
                m.PersonId is { } p ? people.GetValueOrDefault(p) : null,
                m.BoardId,
                m.BoardId is { } b ? boards.GetValueOrDefault(b) : null,
                m.Period?.Key,
                m.Attempts,
                m.CreatedAt,
                m.LastError))
            .ToList();
    }

    /// <summary>Puts a failed or not-installed message back in the queue (the performance team's "retry").</summary>
    public async Task<bool> RetryAsync(Guid messageId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var message = await db.Outbox.SingleOrDefaultAsync(m => m.Id == messageId, cancellationToken);
        if (message is null || message.State is not (OutboxState.Failed or OutboxState.NotInstalled))
        {
            return false;
        }

        message.Requeue("Retried by the performance team.", now);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
