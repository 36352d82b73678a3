using PmfBot.Domain.Calendar;

namespace PmfBot.Domain.Tests.Calendar;

public sealed class PeriodTests
{
    [Theory]
    [InlineData("2025-04-01", "2025-26-Q1", "Q1 2025/26")]
    [InlineData("2025-06-30", "2025-26-Q1", "Q1 2025/26")]
    [InlineData("2025-07-01", "2025-26-Q2", "Q2 2025/26")]
    [InlineData("2026-01-01", "2025-26-Q4", "Q4 2025/26")]
    [InlineData("2026-03-31", "2025-26-Q4", "Q4 2025/26")]
    [InlineData("2026-04-01", "2026-27-Q1", "Q1 2026/27")]
    public void Quarters_follow_the_uk_financial_year(string date, string key, string label)
    {
        var quarter = Period.Containing(DateOnly.Parse(date), PeriodKind.Quarter);

        Assert.Equal((key, label), (quarter.Key, quarter.Label));
    }

    [Fact]
    public void Q4_runs_january_to_march_and_its_next_is_q1_of_the_next_year()
    {
        var q4 = Period.Quarter(2025, 4);

        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31)), (q4.Start, q4.End));
        Assert.Equal(Period.Quarter(2026, 1), q4.Next());
        Assert.Equal(Period.Quarter(2025, 3), q4.Previous());
        Assert.Equal(Period.Quarter(2024, 4), q4.SameLastYear());
    }

    [Theory]
    [InlineData("2025-26-Q2")]
    [InlineData("2025-26-M07")]
    [InlineData("2025-26-H1")]
    [InlineData("2025-26")]
    public void Keys_round_trip(string key)
    {
        Assert.Equal(key, Period.Parse(key).Key);
    }

    [Theory]
    [InlineData("2025-27-Q2")]
    [InlineData("2025-26-Q5")]
    [InlineData("2025-26-M13")]
    [InlineData("Q2")]
    [InlineData("")]
    public void Keys_that_are_not_periods_are_refused(string key)
    {
        Assert.False(Period.TryParse(key, out _));
    }

    [Fact]
    public void October_is_month_7_of_the_financial_year()
    {
        var october = Period.Containing(new DateOnly(2025, 10, 15), PeriodKind.Month);

        Assert.Equal(("2025-26-M07", "Oct 2025/26"), (october.Key, october.Label));
    }

    [Fact]
    public void Periods_sort_by_when_they_end()
    {
        var periods = new[] { Period.Quarter(2025, 2), Period.Quarter(2024, 4), Period.Quarter(2025, 1) };

        Assert.Equal([Period.Quarter(2024, 4), Period.Quarter(2025, 1), Period.Quarter(2025, 2)], periods.Order());
    }
}
