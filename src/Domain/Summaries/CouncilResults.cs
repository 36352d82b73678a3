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

    private readonly StampedCache<(Period Quarter, DateOnly Today), IReadOnlyList<BoardResults.BoardView>> _kept = new(MaxKept);

    /// <summary>Every board that owns priorities, as <see cref="BoardResults.LoadAsync"/> with no board gives them.</summary>
    public Task<IReadOnlyList<BoardResults.BoardView>> AllBoardsAsync(PmfDbContext db, Period quarter, DateOnly today, CancellationToken cancellationToken) =>
        _kept.GetOrLoadAsync(db, (quarter, today), () => BoardResults.LoadAsync(db, null, quarter, today, cancellationToken), cancellationToken);

    /// <summary>One board: from the whole council when it owns priorities, otherwise on its own; null when it does not exist.</summary>
    public async Task<BoardResults.BoardView?> BoardAsync(PmfDbContext db, Guid boardId, Period quarter, DateOnly today, CancellationToken cancellationToken)
    {
        var all = await AllBoardsAsync(db, quarter, today, cancellationToken);
        return all.FirstOrDefault(b => b.Board.Id == boardId)
            ?? (await BoardResults.LoadAsync(db, boardId, quarter, today, cancellationToken)).SingleOrDefault();
    }
}
