using PmfBot.Domain.Calendar;
using static PmfBot.Domain.Tests.Calendar.Dates;

namespace PmfBot.Domain.Tests.Calendar;

public class ReturnCalendarTests
{
    private readonly ReturnCalendar _calendar = ReturnCalendar.EnglandAndWales();

    [Fact]
    public void Default_window_opens_the_next_working_day_is_due_after_10_and_signed_off_5_later()
    {
        var window = _calendar.WindowFor(Period.Parse("2025-26-Q1")); // ends Monday 30 June 2025

        Assert.Equal(new ReturnWindow(Period.Parse("2025-26-Q1"), D("2025-07-01"), D("2025-07-14"), D("2025-07-21"), null), window);
    }

    [Fact]
    public void A_quarter_ending_on_new_years_eve_opens_after_new_years_day()
    {
        var window = _calendar.WindowFor(Period.Parse("2025-26-Q3"));

        Assert.Equal(D("2026-01-02"), window.Opens);
        Assert.Equal(D("2026-01-15"), window.Due);
        Assert.Equal(D("2026-01-22"), window.SignOff);
    }

    [Fact]
    public void Easter_pushes_the_year_end_due_date_back()
    {
        var window = _calendar.WindowFor(Period.Parse("2025-26-Q4")); // ends 31 March 2026; Easter 3-6 April

        Assert.Equal(D("2026-04-01"), window.Opens);
        Assert.Equal(D("2026-04-16"), window.Due);
    }

    [Fact]
    public void A_council_sets_its_own_offsets_and_board_meeting()
    {
        var calendar = ReturnCalendar.EnglandAndWales(new CalendarPolicy
        {
            DueWorkingDaysAfterPeriodEnd = 15,
            SignOffWorkingDaysAfterDue = 0,
            BoardMeetingWorkingDaysAfterSignOff = 3,
        });

        var window = calendar.WindowFor(Period.Parse("2025-26-Q1"));

        Assert.Equal(D("2025-07-21"), window.Due);
        Assert.Equal(D("2025-07-21"), window.SignOff);
        Assert.Equal(D("2025-07-24"), window.BoardMeeting);
    }

    [Fact]
    public void The_policys_extra_holidays_move_the_due_date()
    {
        var calendar = ReturnCalendar.EnglandAndWales(new CalendarPolicy { ExtraHolidays = [D("2025-07-04")] });

        Assert.Equal(D("2025-07-15"), calendar.WindowFor(Period.Parse("2025-26-Q1")).Due);
    }

    [Fact]
    public void A_monthly_period_gets_its_own_window()
    {
        var window = _calendar.WindowFor(Period.Parse("2025-26-M09")); // December 2025

        Assert.Equal(D("2026-01-02"), window.Opens);
        Assert.Equal(D("2026-01-15"), window.Due);
    }

    [Theory]
    [InlineData(0, 5, null)]
    [InlineData(10, -1, null)]
    [InlineData(10, 5, -2)]
    public void An_unusable_policy_is_refused_with_a_reason(int due, int signOff, int? board)
    {
        var policy = new CalendarPolicy
        {
            DueWorkingDaysAfterPeriodEnd = due,
            SignOffWorkingDaysAfterDue = signOff,
            BoardMeetingWorkingDaysAfterSignOff = board,
        };

        var error = Assert.Throws<PmfRuleException>(() => ReturnCalendar.EnglandAndWales(policy));
        Assert.StartsWith("The return calendar settings are not usable", error.Message);
    }

    [Theory]
    [InlineData(null, "2025-07-14", false)]                  // due today, not in yet
    [InlineData(null, "2025-07-15", true)]                   // the due date has passed
    [InlineData("2025-07-14T22:59:59Z", "2025-07-20", false)] // 23:59:59 BST on the due date
    [InlineData("2025-07-14T23:00:00Z", "2025-07-20", true)]  // 00:00 BST the day after
    [InlineData("2025-07-10T09:00:00Z", "2025-07-20", false)]
    public void Late_means_not_submitted_by_the_end_of_the_due_date_in_summer_time(string? submittedAt, string today, bool late) =>
        Assert.Equal(late, ReturnCalendar.IsLate(submittedAt is null ? null : At(submittedAt), D("2025-07-14"), D(today)));

    [Theory]
    [InlineData("2026-01-15T23:59:59Z", false)] // GMT: UK midnight is UTC midnight
    [InlineData("2026-01-16T00:00:00Z", true)]
    public void Late_means_not_submitted_by_the_end_of_the_due_date_in_winter_time(string submittedAt, bool late) =>
        Assert.Equal(late, ReturnCalendar.IsLate(At(submittedAt), D("2026-01-15"), D("2026-01-20")));
}
