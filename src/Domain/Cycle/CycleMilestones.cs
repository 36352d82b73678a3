using PmfBot.Domain.Calendar;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.Nudges;
using PmfBot.Domain.Scorecards;

namespace PmfBot.Domain.Cycle;

/// <summary>A day on which the quarterly cycle does something people notice.</summary>
public sealed record CycleMilestone(DateOnly Day, Period Quarter, string What);

/// <summary>
/// The days of a quarter's cycle in order (returns open, reminders, due, overdue, escalation,
/// sign-off, self assessments, rating reminders, board meeting, close), from the same calendar and nudge policy
/// the scheduler uses, so the local demo's clock can step through them.
/// </summary>
public static class CycleMilestones
{
    public static IReadOnlyList<CycleMilestone> Of(QuarterCycle cycle, ReturnCalendar calendar, NudgePolicy nudges)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(nudges);
        var days = calendar.WorkingDays;
        var quarter = cycle.Quarter;
        var window = cycle.Window;
        var milestones = new List<CycleMilestone>
        {
            new(window.Opens, quarter, $"{quarter.Label} returns open: every indicator owner is nudged."),
            new(window.Due, quarter, $"{quarter.Label} returns are due today."),
            new(days.Add(window.Due, 1), quarter, $"{quarter.Label} returns are overdue: owners are told, and lead officers are asked to propose their priority's rating."),
            new(days.Add(window.Due, nudges.EscalateAfterWorkingDaysOverdue), quarter, $"Returns still missing for {quarter.Label} are escalated to owners' managers and directorate performance leads."),
            new(window.SignOff, quarter, $"Directorate sign-off of {quarter.Label} returns: performance leads get the sign-off card again while returns wait for them."),
            new(SelfAssessmentsDue.DayOf(cycle, calendar, nudges), quarter, $"Self assessments for {quarter.Label}: whoever answers each directorate's gets the self-assessment card before the board meeting."),
            new(cycle.BoardMeeting, quarter, $"Board meetings for {quarter.Label}: each board's summary goes to its channel, the scrutiny and compliance summaries follow."),
            new(cycle.Closes, quarter, $"The {quarter.Label} cycle closes."),
        };
        milestones.AddRange(nudges.ReminderWorkingDaysBeforeDue.Select(n =>
            new CycleMilestone(days.Before(window.Due, n), quarter, $"Reminder: {quarter.Label} returns are due in {Plural(n, "working day")}.")));
        milestones.AddRange(nudges.RatingReminderWorkingDaysBeforeBoardMeeting.Select(n =>
            new CycleMilestone(days.Before(cycle.BoardMeeting, n), quarter, $"Lead officers and chairs who have not acted are reminded: the board meets in {Plural(n, "working day")}.")));

        // Two events on one day read as one milestone, in the order they happen.
        return milestones
            .GroupBy(m => m.Day)
            .Select(g => new CycleMilestone(g.Key, quarter, string.Join(" ", g.Select(m => m.What))))
            .OrderBy(m => m.Day)
            .ToList();
    }

    /// <summary>The first milestone after <paramref name="day"/>, in this quarter's cycle or a later one.</summary>
    public static CycleMilestone Next(DateOnly day, ReturnCalendar calendar, NudgePolicy nudges) =>
        Upcoming(day, calendar, nudges).First();

    /// <summary>Milestones after <paramref name="day"/>, soonest first (the running quarter's and the next two quarters').</summary>
    public static IEnumerable<CycleMilestone> Upcoming(DateOnly day, ReturnCalendar calendar, NudgePolicy nudges)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var latest = ReportingPeriods.Current(Frequency.Quarterly, day);
        return new[] { latest.Previous(), latest, latest.Next(), latest.Next().Next() }
            .SelectMany(q => Of(QuarterCycle.For(q, calendar), calendar, nudges))
            .Where(m => m.Day > day)
            .GroupBy(m => m.Day)
            .OrderBy(g => g.Key)
            .Select(g => new CycleMilestone(g.Key, g.First().Quarter, string.Join(" ", g.Select(m => m.What))));
    }

    private static string Plural(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
