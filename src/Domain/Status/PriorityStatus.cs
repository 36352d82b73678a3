using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.BoardActions;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Priorities;
using PmfBot.Domain.Ratings;
using PmfBot.Domain.Results;
using PmfBot.Domain.Risks;
using PmfBot.Domain.Storage;

namespace PmfBot.Domain.Status;

/// <summary>
/// Everything a board member or scrutiny member asks about one priority for a quarter: the
/// overall rating, each indicator's result, the board's actions and the risks. A fixed number
/// of queries, however many indicators the priority has.
/// </summary>
public sealed class PriorityStatus(PmfDbContext db, TimeProvider clock)
{
    public sealed record View(
        Priority Priority,
        string BoardName,
        string LeadOfficerName,
        Period Quarter,
        PriorityRating? Rating,
        IReadOnlyList<IndicatorResult> Indicators,
        IReadOnlyList<ActionView> Actions,
        IReadOnlyList<Risk> Risks,
        IReadOnlyDictionary<Guid, string> PeopleNames);

    public sealed record ActionView(BoardAction Action, string OwnerName, bool IsOverdue, string? LatestNote);

    public async Task<View> LoadAsync(Guid priorityId, Period? quarter = null, CancellationToken cancellationToken = default)
    {
        var today = UkTime.Today(clock);
        var forQuarter = quarter ?? ReportingPeriods.Current(Indicators.Frequency.Quarterly, today);
        var priority = await db.Priorities.AsNoTracking().SingleOrDefaultAsync(p => p.Id == priorityId, cancellationToken)
            ?? throw new PmfRuleException("That priority no longer exists.");
        var boardName = await db.Boards.Where(b => b.Id == priority.BoardId).Select(b => b.Name).SingleAsync(cancellationToken);
        var rating = await db.Ratings.AsNoTracking()
            .SingleOrDefaultAsync(r => r.PriorityId == priorityId && r.Period == forQuarter, cancellationToken);
        var indicators = await db.Indicators.AsNoTracking().AsSplitQuery()
            .Include(i => i.Targets)
            .Where(i => i.Priorities.Any(p => p.PriorityId == priorityId))
            .OrderBy(i => i.Code)
            .ToListAsync(cancellationToken);
        var results = await IndicatorResults.LoadAsync(db, indicators, forQuarter, today, cancellationToken);
        var actions = await db.BoardActions.AsNoTracking().Include(a => a.Progress)
            .Where(a => a.PriorityId == priorityId)
            .OrderBy(a => a.DueDate)
            .ToListAsync(cancellationToken);
        var risks = await db.Risks.AsNoTracking().Where(r => r.PriorityId == priorityId).ToListAsync(cancellationToken);
        var personIds = indicators.Select(i => i.OwnerId).Concat(actions.Select(a => a.OwnerId)).Append(priority.LeadOfficerId).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);

        return new View(
            priority,
            boardName,
            names.GetValueOrDefault(priority.LeadOfficerId, "unknown"),
            forQuarter,
            rating,
            results,
            actions.Select(a => new ActionView(
                a,
                names.GetValueOrDefault(a.OwnerId, "unknown"),
                a.IsOverdue(today),
                a.Progress.OrderByDescending(p => p.Period).FirstOrDefault()?.Note)).ToList(),
            risks.OrderByDescending(r => r.ResidualScore).ToList(),
            names);
    }
}
