namespace PmfBot.Domain.Calendar;

/// <summary>Monday to Friday, except bank holidays: the days returns are counted in.</summary>
public sealed class WorkingDays(BankHolidays holidays)
{
    public BankHolidays Holidays { get; } = holidays ?? throw new ArgumentNullException(nameof(holidays));

    public static WorkingDays EnglandAndWales() => new(BankHolidays.EnglandAndWales());

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !Holidays.IsBankHoliday(date);

    /// <summary>
    /// The date n working days after <paramref name="date"/> (before it when n is negative).
    /// The start date itself is never counted, so adding 1 on a Friday gives Monday.
    /// </summary>
    public DateOnly Add(DateOnly date, int workingDays)
    {
        var step = Math.Sign(workingDays);
        var left = Math.Abs(workingDays);
        var day = date;
        while (left > 0)
        {
            day = day.AddDays(step);
            if (IsWorkingDay(day))
            {
                left--;
            }
        }

        return day;
    }

    /// <summary>The date n working days before <paramref name="date"/> (used for reminders).</summary>
    public DateOnly Before(DateOnly date, int workingDays) => Add(date, -workingDays);

    /// <summary>
    /// Working days after <paramref name="from"/> up to and including <paramref name="to"/>, so
    /// that Between(d, Add(d, n)) == n; negative when <paramref name="to"/> is earlier.
    /// </summary>
    public int Between(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -Between(to, from);
        }

        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }
}
