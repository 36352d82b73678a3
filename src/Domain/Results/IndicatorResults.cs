using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Exceptions;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.RagRatings;
using PmfBot.Domain.Returns;
using PmfBot.Domain.Storage;
using PmfBot.Domain.Travel;

namespace PmfBot.Domain.Results;

/// <summary>
/// Works out <see cref="IndicatorResult"/>s for many indicators with one query for all their
/// returns, whatever the number of indicators (status, exceptions and scorecards all use it).
/// </summary>
public static class IndicatorResults
{
    /// <summary>How many periods a trend shows.</summary>
    public const int TrendLength = 8;

    /// <summary>The latest period of an indicator's frequency that has ended by the end of the quarter.</summary>
    public static Period PeriodFor(Frequency frequency, Period quarter)
    {
        var period = Period.Containing(quarter.End, frequency.PeriodKindOf());
        return period.End > quarter.End ? period.Previous() : period;
    }

    /// <summary>
    /// The only targets the quarter's results read: for each frequency, its period for the quarter and that
    /// period's financial year (an annual target applies to its quarters). A caller loading many indicators
    /// for one quarter can load just these.
    /// </summary>
    public static IReadOnlyList<Period> TargetPeriodsFor(Period quarter) =>
        Enum.GetValues<Frequency>().Select(f => PeriodFor(f, quarter)).SelectMany(p => new[] { p, p.YearPeriod }).Distinct().ToList();

    /// <summary>
    /// The targets a trend of <see cref="TrendLength"/> periods reads, for every frequency: each period of the
    /// window and its financial year. A caller that draws the trend against its targets loads these.
    /// </summary>
    public static IReadOnlyList<Period> TrendTargetPeriodsFor(Period quarter) =>
        Enum.GetValues<Frequency>().SelectMany(f => Window(PeriodFor(f, quarter), TrendLength))
            .SelectMany(p => new[] { p, p.YearPeriod }).Distinct().ToList();

    /// <summary>The fewest periods a result can be worked out from: the period and the two before it (worsening two periods running).</summary>
    public const int ShortestTrend = 3;

    /// <param name="counts">
    /// Which returns the results are read from (all when null); the others are treated as if they
    /// had never been opened. Publication passes "signed off where the directorate signs off".
    /// </param>
    /// <param name="trendLength">
    /// Periods of trend to read, at least <see cref="ShortestTrend"/>. Every rule (RAG, travel, exceptions) comes out the
    /// same with the shortest trend; a caller that shows no trend (the summaries) reads less than half the returns with it.
    /// </param>
    public static async Task<IReadOnlyList<IndicatorResult>> LoadAsync(
        PmfDbContext db, IReadOnlyCollection<Indicator> indicators, Period quarter, DateOnly today, CancellationToken cancellationToken,
        Func<IndicatorReturn, bool>? counts = null, int trendLength = TrendLength)
    {
        trendLength = Math.Max(trendLength, ShortestTrend);
        var wanted = indicators.ToDictionary(i => i.Id, i => Window(PeriodFor(i.Frequency, quarter), trendLength));
        var periods = wanted.Values.SelectMany(w => w).Distinct().ToList();
        var ids = wanted.Keys.ToList();
        var returns = await db.Returns.AsNoTracking()
            .Where(r => ids.Contains(r.IndicatorId) && periods.Contains(r.Period))
            .ToListAsync(cancellationToken);
        var byIndicator = returns.Where(r => counts is null || counts(r)).ToLookup(r => r.IndicatorId);
        return indicators.Select(i => Build(i, PeriodFor(i.Frequency, quarter), byIndicator[i.Id].ToDictionary(r => r.Period), today, trendLength)).ToList();
    }

    private static IndicatorResult Build(Indicator indicator, Period period, IReadOnlyDictionary<Period, IndicatorReturn> returns, DateOnly today, int trendLength)
    {
        returns.TryGetValue(period, out var current);
        var answered = current is { HasAnswer: true } ? current : null;
        var trend = Enumerable.Range(0, trendLength).Reverse()
            .Select(back => Back(period, back))
            .Select(p => returns.TryGetValue(p, out var r) && r.HasAnswer
                ? new TrendPoint(p, r.Value, r.EffectiveRag, r.Target ?? indicator.TargetFor(p))
                : new TrendPoint(p, null, Rag.NoData, r?.Target ?? indicator.TargetFor(p)))
            .ToList();
        var previous = trend[^2].Value;
        var lastYear = returns.TryGetValue(period.SameLastYear(), out var ly) && ly.HasAnswer ? ly.Value : null;
        var target = answered?.Target ?? indicator.TargetFor(period);
        var travel = TravelRule.Assess(answered?.Value, previous, lastYear, indicator.Polarity);
        var isLate = current is null ? false : current.IsLate(today);
        var snapshot = new IndicatorSnapshot(
            answered?.Value,
            target,
            indicator.Tolerance,
            indicator.Polarity,
            trend.Take(trend.Count - 1).Reverse().Select(t => t.Value).ToList(),
            IsPastDue: isLate,
            NotAvailableReason: answered?.NotAvailableReason,
            Rating: answered is null ? null : RagAssessment.Restore(answered.ComputedRag, answered.OverrideRag, answered.OverrideReason),
            Unit: indicator.Unit);
        return new IndicatorResult(
            indicator,
            period,
            current,
            target,
            answered?.EffectiveRag ?? Rag.NoData,
            travel,
            trend,
            ExceptionRule.Find(snapshot),
            isLate);
    }

    private static IEnumerable<Period> Window(Period period, int trendLength) =>
        Enumerable.Range(0, trendLength).Select(back => Back(period, back)).Append(period.SameLastYear());

    private static Period Back(Period period, int steps)
    {
        for (var i = 0; i < steps; i++)
        {
            period = period.Previous();
        }

        return period;
    }
}
