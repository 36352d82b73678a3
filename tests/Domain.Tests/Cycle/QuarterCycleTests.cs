using PmfBot.Domain.Calendar;
using PmfBot.Domain.Cycle;

namespace PmfBot.Domain.Tests.Cycle;

public sealed class QuarterCycleTests
{
    private static readonly ReturnCalendar Calendar = ReturnCalendar.EnglandAndWales();

    [Fact]
    public void A_quarters_cycle_runs_from_the_day_returns_open_to_a_week_after_the_board_meets()
    {
        // Q3 2025/26 ends on Wednesday 31 December; New Year's Day is a bank holiday.
        var cycle = QuarterCycle.For(Period.Quarter(2025, 3), Calendar);

        Assert.Equal(new DateOnly(2026, 1, 2), cycle.Window.Opens);
        Assert.Equal(new DateOnly(2026, 1, 15), cycle.Window.Due);
        Assert.Equal(new DateOnly(2026, 1, 22), cycle.Window.SignOff);
        Assert.Equal(new DateOnly(2026, 1, 29), cycle.BoardMeeting);
        Assert.Equal(new DateOnly(2026, 2, 5), cycle.Closes);
    }

    [Fact]
    public void A_configured_board_meeting_date_is_used()
    {
        var calendar = ReturnCalendar.EnglandAndWales(new CalendarPolicy { BoardMeetingWorkingDaysAfterSignOff = 10 });

        Assert.Equal(new DateOnly(2026, 2, 5), QuarterCycle.For(Period.Quarter(2025, 3), calendar).BoardMeeting);
    }

    [Theory]
    [InlineData("2026-01-01", "")]
    [InlineData("2026-01-02", "2025-26-Q3")]
    [InlineData("2026-02-05", "2025-26-Q3")]
    [InlineData("2026-02-06", "")]
    [InlineData("2025-10-20", "2025-26-Q2")]
    public void The_cycle_is_running_for_a_quarter_only_between_its_opening_and_closing(string day, string running)
    {
        var quarters = QuarterCycle.RunningOn(DateOnly.Parse(day), Calendar);

        Assert.Equal(running, string.Join(",", quarters.Select(q => q.Quarter.Key)));
    }

    [Fact]
    public void A_quarters_returns_are_its_months_the_quarter_and_any_half_or_year_ending_with_it()
    {
        Assert.Equal(
            ["2025-26-M10", "2025-26-M11", "2025-26-M12", "2025-26-Q4", "2025-26-H2", "2025-26"],
            QuarterCycle.For(Period.Quarter(2025, 4), Calendar).ReturnPeriods.Select(p => p.Key));
    }

    [Fact]
    public void The_cycle_state_starts_the_day_it_is_created_and_a_resume_can_skip_the_paused_days()
    {
        var created = new DateTimeOffset(2026, 1, 2, 10, 0, 0, TimeSpan.Zero);
        var state = CycleState.New(created);
        Assert.Equal(new DateOnly(2026, 1, 1), state.LastCompletedDay);

        var pausedBy = Guid.NewGuid();
        state.Pause(pausedBy, created);
        state.Pause(Guid.NewGuid(), created.AddHours(1));
        Assert.Equal((true, pausedBy), (state.IsPaused, state.PausedById));

        state.Resume(new DateOnly(2026, 1, 7), created.AddDays(6));
        Assert.Equal((false, (DateOnly?)new DateOnly(2026, 1, 7)), (state.IsPaused, state.LastCompletedDay));
        state.Resume(new DateOnly(2026, 1, 3), created.AddDays(7));
        Assert.Equal(new DateOnly(2026, 1, 7), state.LastCompletedDay);
    }
}
