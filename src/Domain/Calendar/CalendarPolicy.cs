namespace PmfBot.Domain.Calendar;

/// <summary>
/// How a council times its return window, in working days. Bound from configuration (a plain
/// options class); <see cref="ReturnCalendar"/> checks it when it is built.
/// </summary>
public sealed record CalendarPolicy : Settings.ISettings
{
    /// <summary>Returns are due this many working days after the period ends.</summary>
    public int DueWorkingDaysAfterPeriodEnd { get; init; } = 10;

    /// <summary>Directorate sign-off is this many working days after the due date.</summary>
    public int SignOffWorkingDaysAfterDue { get; init; } = 5;

    /// <summary>The board meets this many working days after sign-off; null when boards set their own dates.</summary>
    public int? BoardMeetingWorkingDaysAfterSignOff { get; init; }

    /// <summary>The council's own closure days (e.g. a day between Christmas and New Year).</summary>
    public IReadOnlyList<DateOnly> ExtraHolidays { get; init; } = [];

    /// <summary>Problems a person can fix in configuration; empty when the policy is usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (DueWorkingDaysAfterPeriodEnd < 1)
        {
            problems.Add("Returns must be due at least 1 working day after the period ends.");
        }

        if (SignOffWorkingDaysAfterDue < 0)
        {
            problems.Add("Sign-off cannot come before returns are due.");
        }

        if (BoardMeetingWorkingDaysAfterSignOff < 0)
        {
            problems.Add("The board meeting cannot come before sign-off.");
        }

        return problems;
    }
}
