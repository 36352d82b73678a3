using System.Collections.Concurrent;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Storage;

namespace PmfBot.Domain.Summaries;

/// <summary>
/// Every board's results for a quarter, loaded once and shared until the next saved change
/// (<see cref="DataVersion"/>). At the end of a quarter the cycle composes each board's summary, the
/// scrutiny summary for each scrutiny board and the compliance report together, and scrutiny members
/// ask for boards one after another: all of them read the same council, so it is read once.
/// </summary>
public sealed class CouncilResults
{
    /// <summary>A quarter or two, on a day or two: beyond it, start again.</summary>
    private const int MaxKept = 8;

    private readonly ConcurrentDictionary<(Period Quarter, DateOnly Today), Kept> _kept = new();

    private sealed record Kept(long Stamp, IReadOnlyList<BoardResults.BoardView> Boards);

    /// <summary>Every board that owns priorities, as <see cref="BoardResults.LoadAsync"/> with no board gives them.</summary>
    public async Task<IReadOnlyList<BoardResults.BoardView>> AllBoardsAsync(PmfDbContext db, Period quarter, DateOnly today, CancellationToken cancellationToken)
    {
        var stamp = await db.DataStampAsync(cancellationToken);
        if (_kept.TryGetValue((quarter, today), out var kept) && kept.Stamp == stamp)
        {
            return kept.Boards;
        }

        var boards = await BoardResults.LoadAsync(db, null, quarter, today, cancellationToken);
        if (_kept.Count >= MaxKept)
        {
            _kept.Clear();
        }

        _kept[(quarter, today)] = new Kept(stamp, boards);
        return boards;
    }

    /// <summary>One board: from the whole council when it owns priorities, otherwise on its own; null when it does not exist.</summary>
    public async Task<BoardResults.BoardView?> BoardAsync(PmfDbContext db, Guid boardId, Period quarter, DateOnly today, CancellationToken cancellationToken)
    {
        var all = await AllBoardsAsync(db, quarter, today, cancellationToken);
        return all.FirstOrDefault(b => b.Board.Id == boardId)
            ?? (await BoardResults.LoadAsync(db, boardId, quarter, today, cancellationToken)).SingleOrDefault();
    }
}
