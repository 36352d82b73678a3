using PmfBot.Domain.Indicators;

namespace PmfBot.Domain.Calendar;

/// <summary>Which periods an indicator reports in, by its frequency.</summary>
public static class ReportingPeriods
{
    /// <summary>A monthly indicator's period is a month, a quarterly one's a quarter, and so on.</summary>
    public static PeriodKind PeriodKindOf(this Frequency frequency) => frequency switch
    {
        Frequency.Monthly => PeriodKind.Month,
        Frequency.Quarterly => PeriodKind.Quarter,
        Frequency.SixMonthly => PeriodKind.HalfYear,
        Frequency.Annual => PeriodKind.Year,
        _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency, "Unknown frequency."),
    };

    public static bool ReportsIn(Frequency frequency, Period period) => period.Kind == frequency.PeriodKindOf();

    /// <summary>
    /// The period a return is being asked for on a date: the last one that has ended. On the
    /// last day of a quarter that quarter has not ended yet, so it is the quarter before.
    /// </summary>
    public static Period Current(Frequency frequency, DateOnly today) =>
        Period.Containing(today, frequency.PeriodKindOf()).Previous();

    /// <summary>The periods of a financial year (2025 = 2025/26) an indicator reports in, in order.</summary>
    public static IReadOnlyList<Period> InFinancialYear(Frequency frequency, int year)
    {
        var first = Period.Create(year, frequency.PeriodKindOf(), 1);
        var periods = new List<Period>();
        for (var period = first; period.Year == year; period = period.Next())
        {
            periods.Add(period);
        }

        return periods;
    }

    /// <summary>
    /// The periods of this frequency that end inside <paramref name="span"/>: when Q2 ends, a
    /// monthly indicator owes July, August and September, a six-monthly one H1, an annual none.
    /// </summary>
    public static IReadOnlyList<Period> EndingWithin(Frequency frequency, Period span) =>
        InFinancialYear(frequency, span.Year)
            .Where(period => period.End >= span.Start && period.End <= span.End)
            .ToList();
}
