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
/// of queries, however many indicators the priority has: six, and a seventh when an indicator
/// is shared with other priorities (each round trip counts when a board meeting asks at once:
/// docs/performance.md).
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
        IReadOnlyDictionary<Guid, string> PeopleNames)
    {
        /// <summary>The plan the priority sits under ("" when it has none).</summary>
        public string PlanName { get; init; } = "";

        /// <summary>The other priorities each indicator also counts towards ("CODE Title"), by indicator; absent when it serves this one only.</summary>
        public IReadOnlyDictionary<Guid, IReadOnlyList<string>> SharedWith { get; init; } = new Dictionary<Guid, IReadOnlyList<string>>();
    }

    public sealed record ActionView(BoardAction Action, string OwnerName, bool IsOverdue, string? LatestNote);

    public async Task<View> LoadAsync(Guid priorityId, Period? quarter = null, CancellationToken cancellationToken = default)
    {
        var today = UkTime.Today(clock);
        var forQuarter = quarter ?? ReportingPeriods.Current(Indicators.Frequency.Quarterly, today);
        var head = await db.Priorities.AsNoTracking()
            .Where(p => p.Id == priorityId)
            .Select(p => new
            {
                Priority = p,
                BoardName = db.Boards.Where(b => b.Id == p.BoardId).Select(b => b.Name).FirstOrDefault(),
                PlanName = db.Plans.Where(plan => plan.Id == p.PlanId).Select(plan => plan.Name).FirstOrDefault(),
                Rating = db.Ratings.FirstOrDefault(r => r.PriorityId == p.Id && r.Period == forQuarter),
            })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new PmfRuleException("That priority no longer exists.");
        var priority = head.Priority;
        var rating = head.Rating;
        // Only the targets the quarter's results and their trends read: a council keeps a target for every period of every plan year.
        var targetPeriods = IndicatorResults.TrendTargetPeriodsFor(forQuarter);
        var indicators = await db.Indicators.AsNoTracking().AsSingleQuery()
            .Include(i => i.Targets.Where(t => targetPeriods.Contains(t.Period))).Include(i => i.Priorities)
            .Where(i => i.Priorities.Any(p => p.PriorityId == priorityId))
            .OrderBy(i => i.Code)
            .ToListAsync(cancellationToken);
        var results = await IndicatorResults.LoadAsync(db, indicators, forQuarter, today, cancellationToken);
        var actions = await db.BoardActions.AsNoTracking().Include(a => a.Progress)
            .Where(a => a.PriorityId == priorityId)
            .OrderBy(a => a.DueDate)
            .ToListAsync(cancellationToken);
        var risks = await db.Risks.AsNoTracking().Where(r => r.PriorityId == priorityId).ToListAsync(cancellationToken);
        var personIds = indicators.Select(i => i.OwnerId).Concat(actions.Select(a => a.OwnerId)).Append(priority.LeadOfficerId)
            .Concat(rating?.DecidedById is { } chairId ? [chairId] : []).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var sharedWith = await SharedWithAsync(priorityId, indicators, cancellationToken);

        return new View(
            priority,
            head.BoardName ?? "",
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
            names)
        {
            PlanName = head.PlanName ?? "",
            SharedWith = sharedWith,
        };
    }

    /// <summary>For indicators that also serve other priorities, those priorities; no query when none is shared.</summary>
    private async Task<IReadOnlyDictionary<Guid, IReadOnlyList<string>>> SharedWithAsync(Guid priorityId, List<Indicators.Indicator> indicators, CancellationToken cancellationToken)
    {
        var otherIds = indicators.SelectMany(i => i.Priorities).Select(l => l.PriorityId).Where(id => id != priorityId).Distinct().ToList();
        if (otherIds.Count == 0)
        {
            return new Dictionary<Guid, IReadOnlyList<string>>();
        }

        var others = await db.Priorities.AsNoTracking().Where(p => otherIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => $"{p.Code} {p.Title}", cancellationToken);
        return indicators
            .Select(i => (i.Id, Shared: i.Priorities.Where(l => l.PriorityId != priorityId && others.ContainsKey(l.PriorityId)).Select(l => others[l.PriorityId]).ToList()))
            .Where(x => x.Shared.Count > 0)
            .ToDictionary(x => x.Id, x => (IReadOnlyList<string>)x.Shared);
    }
}
