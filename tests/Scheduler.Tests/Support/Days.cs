using PmfBot.Domain.Calendar;

namespace PmfBot.Scheduler.Tests.Support;

public static class Days
{
    /// <summary>10:00 UK time on a date: inside the hours the cycle sends in.</summary>
    public static DateTimeOffset TenAm(DateOnly date) => UkTime.StartOf(date).AddHours(10);

    public static DateOnly D(int year, int month, int day) => new(year, month, day);
}
