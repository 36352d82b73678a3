using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.Priorities;
using PmfBot.Domain.Ratings;
using PmfBot.Domain.Results;
using PmfBot.Domain.Storage;

namespace PmfBot.Domain.Scorecards;

/// <summary>
/// The directorate scorecard: each directorate priority with its summary and traffic light,
/// the directorate's key indicators with theirs, and the director's self assessment.
/// </summary>
public sealed class DirectorateScorecard(PmfDbContext db, TimeProvider clock)
{
    public sealed record View(
        string DirectorateName,
        Period Quarter,
        IReadOnlyList<PriorityLine> Priorities,
        IReadOnlyList<IndicatorResult> Indicators,
        string? SelfAssessment);

    public sealed record PriorityLine(Priority Priority, PriorityRating? Rating);

    public async Task<View> LoadAsync(Guid directorateId, Period? quarter = null, CancellationToken cancellationToken = default)
    {
        var today = UkTime.Today(clock);
        var forQuarter = quarter ?? ReportingPeriods.Current(Frequency.Quarterly, today);
        var directorate = await db.Directorates.AsNoTracking().SingleOrDefaultAsync(d => d.Id == directorateId, cancellationToken)
            ?? throw new PmfRuleException("That directorate no longer exists.");
        var priorities = await db.Priorities.AsNoTracking().Where(p => p.DirectorateId == directorateId).OrderBy(p => p.Code).ToListAsync(cancellationToken);
        var priorityIds = priorities.Select(p => p.Id).ToList();
        var ratings = await db.Ratings.AsNoTracking()
            .Where(r => priorityIds.Contains(r.PriorityId) && r.Period == forQuarter)
            .ToDictionaryAsync(r => r.PriorityId, cancellationToken);
        var indicators = await db.Indicators.AsNoTracking().Include(i => i.Targets)
            .Where(i => i.DirectorateId == directorateId && i.RetiredAt == null).OrderBy(i => i.Code).ToListAsync(cancellationToken);
        var results = await IndicatorResults.LoadAsync(db, indicators, forQuarter, today, cancellationToken);
        var assessment = await db.SelfAssessments.AsNoTracking()
            .Where(s => s.DirectorateId == directorateId && s.Period == forQuarter)
            .Select(s => s.Concerns).SingleOrDefaultAsync(cancellationToken);
        return new View(
            directorate.Name,
            forQuarter,
            priorities.Select(p => new PriorityLine(p, ratings.GetValueOrDefault(p.Id))).ToList(),
            results,
            string.IsNullOrWhiteSpace(assessment) ? null : assessment);
    }
}
