using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Audit;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.Priorities;
using PmfBot.Domain.RagRatings;
using PmfBot.Domain.Returns;
using PmfBot.Domain.Storage;
using PmfBot.Domain.Travel;

namespace PmfBot.Domain.Results;

/// <summary>
/// One indicator over time: its value, target, rating and travel in each period up to the one
/// asked about, since the indicator began, and every change to its returns from the audit log, newest first.
/// </summary>
/// <remarks>
/// An indicator <em>began</em> with the first period it has a return for (opened, whatever became of it)
/// or a target for (a period's own target or its financial year's), whichever is earlier. The model has
/// no start date; before that first return or target there is nothing to show, only "no value, no target".
/// </remarks>
public static class IndicatorHistory
{
    public sealed record View(
        Indicator Indicator,
        string OwnerName,
        IReadOnlyList<Priority> Priorities,
        IReadOnlyList<PeriodLine> Periods,
        IReadOnlyList<Change> Changes);

    /// <summary>One period, newest first; <see cref="Return"/> is null when none was opened.</summary>
    public sealed record PeriodLine(Period Period, IndicatorReturn? Return, decimal? Target, Rag Rag, DirectionOfTravel Travel)
    {
        public decimal? Value => Return is { HasAnswer: true } answered ? answered.Value : null;
    }

    public sealed record Change(AuditEntry Entry, Period Period);

    /// <param name="periods">At most how many periods to show, newest first, ending at the indicator's period for the quarter.</param>
    public static async Task<View> LoadAsync(
        PmfDbContext db, Guid indicatorId, Period quarter, int periods, CancellationToken cancellationToken)
    {
        var indicator = await db.Indicators.AsNoTracking().AsSplitQuery()
            .Include(i => i.Targets).Include(i => i.Priorities)
            .SingleOrDefaultAsync(i => i.Id == indicatorId, cancellationToken)
            ?? throw new PmfRuleException("That indicator no longer exists.");
        var owner = await db.People.Where(p => p.Id == indicator.OwnerId).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken) ?? "unknown";
        var priorityIds = indicator.Priorities.Select(p => p.PriorityId).ToList();
        var priorities = await db.Priorities.AsNoTracking().Where(p => priorityIds.Contains(p.Id)).ToListAsync(cancellationToken);
        var returns = await db.Returns.AsNoTracking().Where(r => r.IndicatorId == indicatorId).ToListAsync(cancellationToken);
        var byPeriod = returns.ToDictionary(r => r.Period);
        var latest = IndicatorResults.PeriodFor(indicator.Frequency, quarter);

        var began = Began(indicator, returns);
        var lines = new List<PeriodLine>();
        for (var (period, i) = (latest, 0); i < periods && began is { } start && period.End >= start; (period, i) = (period.Previous(), i + 1))
        {
            byPeriod.TryGetValue(period, out var current);
            var value = current is { HasAnswer: true } ? current.Value : null;
            var previous = byPeriod.TryGetValue(period.Previous(), out var before) && before.HasAnswer ? before.Value : null;
            lines.Add(new PeriodLine(
                period,
                current,
                current?.Target ?? indicator.TargetFor(period),
                current is { HasAnswer: true } ? current.EffectiveRag : Rag.NoData,
                TravelRule.Compare(value, previous, indicator.Polarity)));
        }

        var shown = returns.Where(r => r.Period.CompareTo(latest) <= 0).ToDictionary(r => r.Id, r => r.Period);
        var ids = shown.Keys.ToList();
        var audit = await db.AuditLog.AsNoTracking()
            .Where(a => a.EntityType == "Return" && ids.Contains(a.EntityId))
            .ToListAsync(cancellationToken);
        var changes = audit.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Select(a => new Change(a, shown[a.EntityId]))
            .ToList();
        return new View(indicator, owner, priorities.OrderBy(p => p.Code, StringComparer.Ordinal).ToList(), lines, changes);
    }

    /// <summary>The first day of the first period with a return or a target; null when it has neither yet.</summary>
    public static DateOnly? Began(Indicator indicator, IEnumerable<IndicatorReturn> returns)
    {
        var starts = returns.Select(r => r.Period.Start).Concat(indicator.Targets.Select(t => t.Period.Start)).ToList();
        return starts.Count == 0 ? null : starts.Min();
    }
}
