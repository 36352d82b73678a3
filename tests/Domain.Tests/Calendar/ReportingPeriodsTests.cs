using PmfBot.Domain.Calendar;
using PmfBot.Domain.Indicators;
using static PmfBot.Domain.Tests.Calendar.Dates;

namespace PmfBot.Domain.Tests.Calendar;

public class ReportingPeriodsTests
{
    [Theory]
    [InlineData(Frequency.Monthly, PeriodKind.Month)]
    [InlineData(Frequency.Quarterly, PeriodKind.Quarter)]
    [InlineData(Frequency.SixMonthly, PeriodKind.HalfYear)]
    [InlineData(Frequency.Annual, PeriodKind.Year)]
    public void Each_frequency_reports_in_its_own_kind_of_period(Frequency frequency, PeriodKind kind) =>
        Assert.Equal(kind, frequency.PeriodKindOf());

    [Theory]
    [InlineData(Frequency.Quarterly, "2025-07-01", "2025-26-Q1")]
    [InlineData(Frequency.Quarterly, "2025-06-30", "2024-25-Q4")] // Q1 has not ended on its last day
    [InlineData(Frequency.Quarterly, "2025-04-10", "2024-25-Q4")]
    [InlineData(Frequency.Monthly, "2025-05-15", "2025-26-M01")]
    [InlineData(Frequency.Monthly, "2025-04-01", "2024-25-M12")]
    [InlineData(Frequency.SixMonthly, "2025-10-01", "2025-26-H1")]
    [InlineData(Frequency.SixMonthly, "2025-09-30", "2024-25-H2")]
    [InlineData(Frequency.Annual, "2025-04-01", "2024-25")]
    [InlineData(Frequency.Annual, "2026-03-31", "2024-25")]
    public void The_current_reporting_period_is_the_last_one_that_has_ended(Frequency frequency, string today, string expected) =>
        Assert.Equal(Period.Parse(expected), ReportingPeriods.Current(frequency, D(today)));

    [Theory]
    [InlineData(Frequency.Monthly, 12, "2025-26-M01", "2025-26-M12")]
    [InlineData(Frequency.Quarterly, 4, "2025-26-Q1", "2025-26-Q4")]
    [InlineData(Frequency.SixMonthly, 2, "2025-26-H1", "2025-26-H2")]
    [InlineData(Frequency.Annual, 1, "2025-26", "2025-26")]
    public void A_financial_year_has_the_periods_of_the_frequency(Frequency frequency, int count, string first, string last)
    {
        var periods = ReportingPeriods.InFinancialYear(frequency, 2025);

        Assert.Equal(count, periods.Count);
        Assert.Equal(Period.Parse(first), periods[0]);
        Assert.Equal(Period.Parse(last), periods[^1]);
    }

    [Theory]
    [InlineData(Frequency.Monthly, "2025-26-Q2", "2025-26-M04,2025-26-M05,2025-26-M06")]
    [InlineData(Frequency.Quarterly, "2025-26-Q2", "2025-26-Q2")]
    [InlineData(Frequency.SixMonthly, "2025-26-Q2", "2025-26-H1")]
    [InlineData(Frequency.SixMonthly, "2025-26-Q1", "")]
    [InlineData(Frequency.Annual, "2025-26-Q4", "2025-26")]
    [InlineData(Frequency.Annual, "2025-26-Q3", "")]
    public void The_periods_an_indicator_owes_when_a_period_ends_are_those_ending_within_it(Frequency frequency, string span, string expected)
    {
        var keys = ReportingPeriods.EndingWithin(frequency, Period.Parse(span)).Select(period => period.Key);

        Assert.Equal(expected, string.Join(',', keys));
    }

    [Theory]
    [InlineData(Frequency.Quarterly, "2025-26-Q2", true)]
    [InlineData(Frequency.Quarterly, "2025-26-M06", false)]
    [InlineData(Frequency.Annual, "2025-26", true)]
    public void An_indicator_reports_only_in_periods_of_its_frequency(Frequency frequency, string period, bool expected) =>
        Assert.Equal(expected, ReportingPeriods.ReportsIn(frequency, Period.Parse(period)));
}
