namespace PmfBot.Domain.Calendar;

public enum PeriodKind
{
    Month,
    Quarter,
    HalfYear,
    Year,
}
