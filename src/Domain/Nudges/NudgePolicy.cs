namespace PmfBot.Domain.Nudges;

/// <summary>When owners are chased, in working days (UK bank holidays are not working days).</summary>
public sealed record NudgePolicy : Settings.ISettings
{
    /// <summary>Reminders this many working days before the due date (default 5 and 1).</summary>
    public IReadOnlyList<int> ReminderWorkingDaysBeforeDue { get; init; } = [5, 1];

    /// <summary>Escalate to the owner's manager and the directorate performance lead this many working days after the due date.</summary>
    public int EscalateAfterWorkingDaysOverdue { get; init; } = 3;

    /// <summary>
    /// Lead officers who have not proposed, and chairs who have not decided, are reminded this
    /// many working days before the board meeting (default 3 and 1).
    /// </summary>
    public IReadOnlyList<int> RatingReminderWorkingDaysBeforeBoardMeeting { get; init; } = [3, 1];

    /// <summary>
    /// Whoever answers a directorate's self assessment gets the card this many working days before
    /// the board meeting (default 4: the working day after sign-off when boards meet 5 after it).
    /// </summary>
    public int SelfAssessmentWorkingDaysBeforeBoardMeeting { get; init; } = 4;

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (ReminderWorkingDaysBeforeDue.Any(d => d < 0) || RatingReminderWorkingDaysBeforeBoardMeeting.Any(d => d < 0))
        {
            problems.Add("Reminders are sent a number of working days before a date: none can be negative.");
        }

        if (EscalateAfterWorkingDaysOverdue < 1)
        {
            problems.Add("A late return can be escalated at the earliest 1 working day after it was due.");
        }

        if (SelfAssessmentWorkingDaysBeforeBoardMeeting < 0)
        {
            problems.Add("The self-assessment is asked for a number of working days before the board meets: it cannot be negative.");
        }

        return problems;
    }
}
