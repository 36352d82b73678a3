using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.BoardActions;
using PmfBot.Domain.Boards;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Priorities;
using PmfBot.Domain.Ratings;
using PmfBot.Domain.Results;
using PmfBot.Domain.Risks;
using PmfBot.Domain.Storage;

namespace PmfBot.Domain.Summaries;

/// <summary>
/// What a board (or scrutiny, for every board) reads once ratings are decided: each priority with
/// its rating and its indicators' results, and the board's actions. A fixed number of queries,
/// however many boards, priorities and indicators.
/// </summary>
public static class BoardResults
{
    public sealed record BoardView(Board Board, string ChairName, IReadOnlyList<PriorityView> Priorities, ActionCounts Actions);

    /// <param name="Indicators">
    /// Each indicator's result; its trend is the shortest that gives the same ratings and exceptions, and its
    /// indicator carries only the targets of the quarter (<see cref="IndicatorResults.TargetPeriodsFor"/>).
    /// </param>
    /// <param name="Risks">The priority's risks, as scored before and after mitigation.</param>
    public sealed record PriorityView(Priority Priority, PriorityRating? Rating, IReadOnlyList<IndicatorResult> Indicators, IReadOnlyList<Risk> Risks)
    {
        /// <summary>Red indicators and a high residual risk together, or null (<see cref="RiskAndPerformance"/>).</summary>
        public RiskAndPerformance.Meeting? RiskMeetsRed => RiskAndPerformance.Of(Indicators, Risks);
    }

    /// <param name="CompletedThisQuarter">Actions whose progress for the quarter says complete.</param>
    public sealed record ActionCounts(int Open, int Delayed, int CompletedThisQuarter);

    /// <param name="boardId">One board, or null for every board that owns priorities.</param>
    public static async Task<IReadOnlyList<BoardView>> LoadAsync(
        PmfDbContext db, Guid? boardId, Period quarter, DateOnly today, CancellationToken cancellationToken)
    {
        var boards = (await db.Boards.AsNoTracking().Where(b => boardId == null || b.Id == boardId).ToListAsync(cancellationToken))
            .Where(b => boardId is not null || b.OwnsPriorities)
            .OrderBy(b => b.Kind == BoardKind.BestCouncil).ThenBy(b => b.Name, StringComparer.Ordinal)
            .ToList();
        var boardIds = boards.Select(b => b.Id).ToList();
        var priorities = await db.Priorities.AsNoTracking().Where(p => boardIds.Contains(p.BoardId)).ToListAsync(cancellationToken);
        var priorityIds = priorities.Select(p => p.Id).ToList();
        var ratings = await db.Ratings.AsNoTracking()
            .Where(r => priorityIds.Contains(r.PriorityId) && r.Period == quarter)
            .ToDictionaryAsync(r => r.PriorityId, cancellationToken);
        // A council has a target per indicator for every year of its plans; the results read one or two of them.
        var targetPeriods = IndicatorResults.TargetPeriodsFor(quarter);
        var indicators = await db.Indicators.AsNoTracking().AsSplitQuery()
            .Include(i => i.Targets.Where(t => targetPeriods.Contains(t.Period))).Include(i => i.Priorities)
            .Where(i => i.Priorities.Any(p => priorityIds.Contains(p.PriorityId)))
            .ToListAsync(cancellationToken);
        // Summaries show ratings and exceptions, not trends: the shortest trend reads less than half the returns.
        var results = await IndicatorResults.LoadAsync(db, indicators, quarter, today, cancellationToken, trendLength: IndicatorResults.ShortestTrend);
        var actions = await db.BoardActions.AsNoTracking().Include(a => a.Progress)
            .Where(a => boardIds.Contains(a.BoardId)).ToListAsync(cancellationToken);
        var risks = await db.Risks.AsNoTracking().Where(r => priorityIds.Contains(r.PriorityId)).ToListAsync(cancellationToken);
        var chairIds = boards.Select(b => b.ChairId).ToList();
        var chairs = await db.People.AsNoTracking().Where(p => chairIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);

        return boards.Select(board => new BoardView(
            board,
            chairs.GetValueOrDefault(board.ChairId, "no chair"),
            priorities.Where(p => p.BoardId == board.Id).OrderBy(p => p.Code, StringComparer.Ordinal)
                .Select(p => new PriorityView(
                    p,
                    ratings.GetValueOrDefault(p.Id),
                    results.Where(r => r.Indicator.Priorities.Any(link => link.PriorityId == p.Id)).OrderBy(r => r.Indicator.Code, StringComparer.Ordinal).ToList(),
                    risks.Where(r => r.PriorityId == p.Id).ToList()))
                .ToList(),
            CountActions(actions.Where(a => a.BoardId == board.Id), quarter))).ToList();
    }

    private static ActionCounts CountActions(IEnumerable<BoardAction> actions, Period quarter)
    {
        var list = actions.ToList();
        return new ActionCounts(
            list.Count(a => a.Status != ActionStatus.Complete),
            list.Count(a => a.Status == ActionStatus.Delayed),
            list.Count(a => a.Status == ActionStatus.Complete && a.Progress.Any(p => p.Period == quarter && p.Status == ActionStatus.Complete)));
    }
}
