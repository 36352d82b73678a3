using PmfBot.Domain.Calendar;
using static PmfBot.Domain.Tests.Calendar.Dates;

namespace PmfBot.Domain.Tests.Calendar;

public class WorkingDaysTests
{
    private readonly WorkingDays _days = WorkingDays.EnglandAndWales();

    [Theory]
    [InlineData("2025-12-23", true)]  // Tuesday
    [InlineData("2025-12-25", false)] // Christmas Day
    [InlineData("2025-12-27", false)] // Saturday
    [InlineData("2025-12-28", false)] // Sunday
    [InlineData("2026-04-03", false)] // Good Friday
    [InlineData("2026-04-07", true)]  // Tuesday after Easter Monday
    public void A_working_day_is_a_weekday_that_is_not_a_bank_holiday(string date, bool expected) =>
        Assert.Equal(expected, _days.IsWorkingDay(D(date)));

    [Theory]
    [InlineData("2025-12-24", 1, "2025-12-29")] // over Christmas, Boxing Day and the weekend
    [InlineData("2025-12-24", 2, "2025-12-30")]
    [InlineData("2026-12-24", 1, "2026-12-29")] // Boxing Day substitute on Monday 28th
    [InlineData("2027-12-24", 1, "2027-12-29")] // both substitutes, Monday and Tuesday
    [InlineData("2026-04-02", 1, "2026-04-07")] // over Good Friday and Easter Monday
    [InlineData("2025-07-04", 1, "2025-07-07")] // Friday to Monday
    [InlineData("2025-07-05", 1, "2025-07-07")] // from a Saturday
    [InlineData("2025-07-07", 0, "2025-07-07")]
    [InlineData("2025-12-29", -1, "2025-12-24")]
    public void Adding_working_days_skips_weekends_and_bank_holidays(string from, int n, string expected) =>
        Assert.Equal(D(expected), _days.Add(D(from), n));

    [Fact]
    public void Counting_back_over_new_year_and_christmas_skips_both() =>
        Assert.Equal(D("2025-12-24"), _days.Before(D("2026-01-05"), 5));

    [Theory]
    [InlineData("2025-12-24", "2025-12-31", 3)]
    [InlineData("2026-04-02", "2026-04-07", 1)]
    [InlineData("2025-07-07", "2025-07-07", 0)]
    [InlineData("2025-12-31", "2025-12-24", -3)]
    public void Working_days_between_two_dates_count_after_the_first_up_to_the_second(string from, string to, int expected) =>
        Assert.Equal(expected, _days.Between(D(from), D(to)));

    [Theory]
    [InlineData("2025-12-19", 1)]
    [InlineData("2025-12-19", 10)]
    [InlineData("2026-03-27", 7)]
    [InlineData("2027-12-23", 4)]
    public void Between_undoes_add(string from, int n) =>
        Assert.Equal(n, _days.Between(D(from), _days.Add(D(from), n)));

    [Fact]
    public void Extra_council_holidays_are_not_working_days()
    {
        var days = new WorkingDays(BankHolidays.EnglandAndWales().WithExtra([D("2025-12-29")]));

        Assert.Equal(D("2025-12-30"), days.Add(D("2025-12-24"), 1));
    }

    [Fact]
    public void Without_a_holiday_table_only_weekends_are_skipped() =>
        Assert.Equal(D("2025-12-25"), new WorkingDays(BankHolidays.None()).Add(D("2025-12-24"), 1));
}
