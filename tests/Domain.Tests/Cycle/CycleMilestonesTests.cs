using PmfBot.Domain.Calendar;
using PmfBot.Domain.Cycle;
using PmfBot.Domain.Nudges;

namespace PmfBot.Domain.Tests.Cycle;

public sealed class CycleMilestonesTests
{
    private static readonly ReturnCalendar Calendar = ReturnCalendar.EnglandAndWales();

    [Fact]
    public void Q3_2025_26_steps_through_the_cycle_on_uk_working_days()
    {
        var milestones = CycleMilestones.Of(QuarterCycle.For(Period.Quarter(2025, 3), Calendar), Calendar, new NudgePolicy());

        Assert.Equal(
            new[] { "2026-01-02", "2026-01-08", "2026-01-14", "2026-01-15", "2026-01-16", "2026-01-20", "2026-01-22", "2026-01-23", "2026-01-26", "2026-01-28", "2026-01-29", "2026-02-05" },
            milestones.Select(m => m.Day.ToString("yyyy-MM-dd")));
        Assert.StartsWith("Q3 2025/26 returns open", milestones[0].What);
        Assert.Contains("lead officers are asked to propose", milestones[4].What);
        Assert.Contains("sign-off card", milestones[6].What);
        Assert.StartsWith("Self assessments for Q3 2025/26", milestones[7].What);
        Assert.StartsWith("Board meetings for Q3 2025/26", milestones[10].What);
    }

    [Fact]
    public void The_next_milestone_after_the_demo_day_is_the_opening_of_Q3_returns()
    {
        var next = CycleMilestones.Next(new DateOnly(2025, 11, 24), Calendar, new NudgePolicy());

        Assert.Equal(new DateOnly(2026, 1, 2), next.Day);
        Assert.Equal(Period.Quarter(2025, 3), next.Quarter);
    }

    [Fact]
    public void Events_falling_on_one_day_are_one_milestone()
    {
        // A reminder one working day before the due date and another on the same day cannot both be separate steps.
        var nudges = new NudgePolicy { ReminderWorkingDaysBeforeDue = [1], RatingReminderWorkingDaysBeforeBoardMeeting = [] };
        var milestones = CycleMilestones.Of(QuarterCycle.For(Period.Quarter(2025, 3), Calendar), Calendar, nudges with { EscalateAfterWorkingDaysOverdue = 1 });

        var overdue = Assert.Single(milestones, m => m.Day == new DateOnly(2026, 1, 16));
        Assert.Contains("overdue", overdue.What);
        Assert.Contains("escalated", overdue.What);
        Assert.Equal(milestones.Select(m => m.Day).Distinct().Count(), milestones.Count);
    }

    [Fact]
    public void Upcoming_milestones_carry_on_into_the_next_quarters_cycle()
    {
        var upcoming = CycleMilestones.Upcoming(new DateOnly(2026, 2, 5), Calendar, new NudgePolicy()).First();

        Assert.Equal(new DateOnly(2026, 4, 1), upcoming.Day);
        Assert.StartsWith("Q4 2025/26 returns open", upcoming.What);
    }
}
