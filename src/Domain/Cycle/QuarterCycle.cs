using PmfBot.Domain.Calendar;
using PmfBot.Domain.Indicators;

namespace PmfBot.Domain.Cycle;

/// <summary>
/// The dates of one quarter's cycle after the returns: when the boards meet (and so by when
/// ratings must be decided and summaries posted), and the span in which the cycle still acts
/// on the quarter (from the day returns open to a week after the board meeting).
/// </summary>
public sealed record QuarterCycle(Period Quarter, ReturnWindow Window, DateOnly BoardMeeting, DateOnly Closes)
{
    /// <summary>Boards meet this many working days after sign-off when the council sets no date of its own.</summary>
    public const int DefaultBoardMeetingWorkingDaysAfterSignOff = 5;

    /// <summary>The cycle stops acting on a quarter this many working days after its board meeting.</summary>
    public const int ClosesWorkingDaysAfterBoardMeeting = 5;

    public static QuarterCycle For(Period quarter, ReturnCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (quarter.Kind != PeriodKind.Quarter)
        {
            throw new ArgumentException($"{quarter} is not a quarter.", nameof(quarter));
        }

        var window = calendar.WindowFor(quarter);
        var meeting = BoardMeetingFor(window, calendar);
        return new QuarterCycle(quarter, window, meeting, calendar.WorkingDays.Add(meeting, ClosesWorkingDaysAfterBoardMeeting));
    }

    /// <summary>The configured board meeting date, or a week of working days after sign-off.</summary>
    public static DateOnly BoardMeetingFor(ReturnWindow window, ReturnCalendar calendar) =>
        window.BoardMeeting ?? calendar.WorkingDays.Add(window.SignOff, DefaultBoardMeetingWorkingDaysAfterSignOff);

    /// <summary>The quarters whose cycle is running on a day (normally one, none between cycles).</summary>
    public static IReadOnlyList<QuarterCycle> RunningOn(DateOnly day, ReturnCalendar calendar)
    {
        var latest = ReportingPeriods.Current(Frequency.Quarterly, day);
        return new[] { latest.Previous(), latest }
            .Select(q => For(q, calendar))
            .Where(c => c.IsRunningOn(day))
            .ToList();
    }

    public bool IsRunningOn(DateOnly day) => day >= Window.Opens && day <= Closes;

    /// <summary>The periods of every frequency whose returns count towards this quarter (months, the quarter, a half, the year).</summary>
    public IReadOnlyList<Period> ReturnPeriods =>
        Enum.GetValues<Frequency>().SelectMany(f => ReportingPeriods.EndingWithin(f, Quarter)).ToList();
}
