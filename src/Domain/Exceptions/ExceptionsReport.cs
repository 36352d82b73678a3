using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.Results;
using PmfBot.Domain.Storage;

namespace PmfBot.Domain.Exceptions;

/// <summary>
/// The indicators that need attention this quarter, for one board or for all: scrutiny wants
/// exceptions, not thirty pages.
/// </summary>
public sealed class ExceptionsReport(PmfDbContext db, TimeProvider clock)
{
    public sealed record Line(string PriorityCode, string PriorityTitle, string BoardName, IndicatorResult Result);

    /// <param name="boardId">A board, or null for every board's priorities.</param>
    public async Task<IReadOnlyList<Line>> LoadAsync(Guid? boardId, Period? quarter = null, CancellationToken cancellationToken = default)
    {
        var today = UkTime.Today(clock);
        var forQuarter = quarter ?? ReportingPeriods.Current(Frequency.Quarterly, today);
        var priorities = await db.Priorities.AsNoTracking()
            .Where(p => boardId == null || p.BoardId == boardId)
            .Join(db.Boards, p => p.BoardId, b => b.Id, (p, b) => new { p.Id, p.Code, p.Title, Board = b.Name })
            .ToListAsync(cancellationToken);
        var priorityIds = priorities.Select(p => p.Id).ToList();
        var indicators = await db.Indicators.AsNoTracking().AsSplitQuery()
            .Include(i => i.Targets).Include(i => i.Priorities)
            .Where(i => i.Priorities.Any(p => priorityIds.Contains(p.PriorityId)))
            .ToListAsync(cancellationToken);
        var results = await IndicatorResults.LoadAsync(db, indicators, forQuarter, today, cancellationToken);
        var byId = priorities.ToDictionary(p => p.Id);
        return results
            .Where(r => r.Exceptions.Count > 0)
            .SelectMany(r => r.Indicator.Priorities.Where(link => byId.ContainsKey(link.PriorityId)).Select(link => byId[link.PriorityId])
                .Select(p => new Line(p.Code, p.Title, p.Board, r)))
            .OrderBy(l => l.BoardName).ThenBy(l => l.PriorityCode).ThenBy(l => l.Result.Indicator.Code)
            .ToList();
    }
}
