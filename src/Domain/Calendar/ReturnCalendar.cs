namespace PmfBot.Domain.Calendar;

/// <summary>Turns a period into its return window and judges lateness, by UK working days.</summary>
public sealed class ReturnCalendar
{
    public ReturnCalendar(CalendarPolicy policy, WorkingDays workingDays)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(workingDays);
        var problems = policy.Problems();
        if (problems.Count > 0)
        {
            throw new PmfRuleException("The return calendar settings are not usable: " + string.Join(" ", problems));
        }

        Policy = policy;
        WorkingDays = policy.ExtraHolidays.Count == 0
            ? workingDays
            : new WorkingDays(workingDays.Holidays.WithExtra(policy.ExtraHolidays));
    }

    public CalendarPolicy Policy { get; }

    public WorkingDays WorkingDays { get; }

    /// <summary>England and Wales bank holidays plus the policy's extra days.</summary>
    public static ReturnCalendar EnglandAndWales(CalendarPolicy? policy = null) =>
        new(policy ?? new CalendarPolicy(), Calendar.WorkingDays.EnglandAndWales());

    public ReturnWindow WindowFor(Period period)
    {
        var due = WorkingDays.Add(period.End, Policy.DueWorkingDaysAfterPeriodEnd);
        var signOff = WorkingDays.Add(due, Policy.SignOffWorkingDaysAfterDue);
        DateOnly? board = Policy.BoardMeetingWorkingDaysAfterSignOff is { } offset
            ? WorkingDays.Add(signOff, offset)
            : null;
        return new ReturnWindow(period, WorkingDays.Add(period.End, 1), due, signOff, board);
    }

    /// <summary>
    /// Late means not submitted by the end of the due date, UK time: submitted on a later UK
    /// date, or still not submitted once the due date has passed.
    /// </summary>
    public static bool IsLate(DateTimeOffset? submittedAt, DateOnly due, DateOnly today) =>
        submittedAt is { } at ? UkTime.DateOf(at) > due : today > due;
}
