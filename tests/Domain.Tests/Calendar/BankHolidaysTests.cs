using PmfBot.Domain.Calendar;
using static PmfBot.Domain.Tests.Calendar.Dates;

namespace PmfBot.Domain.Tests.Calendar;

public class BankHolidaysTests
{
    private static readonly BankHolidays EnglandAndWales = BankHolidays.EnglandAndWales();

    [Theory]
    [InlineData("2025-04-18", "Good Friday")]
    [InlineData("2025-04-21", "Easter Monday")]
    [InlineData("2026-12-28", "Boxing Day (substitute day)")]
    [InlineData("2027-12-27", "Christmas Day (substitute day)")]
    [InlineData("2027-12-28", "Boxing Day (substitute day)")]
    [InlineData("2022-12-26", "Boxing Day")]
    [InlineData("2022-12-27", "Christmas Day (substitute day)")]
    [InlineData("2022-01-03", "New Year's Day (substitute day)")]
    [InlineData("2028-01-03", "New Year's Day (substitute day)")]
    [InlineData("2022-09-19", "Bank Holiday for the State Funeral of Queen Elizabeth II")]
    [InlineData("2020-05-08", "Early May bank holiday (VE day)")]
    [InlineData("2022-06-02", "Spring bank holiday")]
    [InlineData("2022-06-03", "Platinum Jubilee bank holiday")]
    [InlineData("2023-05-08", "Bank holiday for the coronation of King Charles III")]
    [InlineData("2026-08-31", "Summer bank holiday")]
    [InlineData("2030-05-06", "Early May bank holiday")]
    public void Known_holidays_are_in_the_shipped_table(string date, string name)
    {
        Assert.True(EnglandAndWales.IsBankHoliday(D(date)));
        Assert.Equal(name, EnglandAndWales.NameOf(D(date)));
    }

    [Theory]
    [InlineData("2020-05-04")] // early May moved to VE day
    [InlineData("2022-05-30")] // late May moved to the Jubilee
    [InlineData("2026-12-26")] // Boxing Day on a Saturday: the Monday is the holiday
    [InlineData("2027-12-25")]
    [InlineData("2025-12-24")]
    public void Days_that_are_not_bank_holidays_are_not_in_the_table(string date) =>
        Assert.False(EnglandAndWales.IsBankHoliday(D(date)));

    [Theory]
    [InlineData(2018, "2018-04-02")]
    [InlineData(2019, "2019-04-22")]
    [InlineData(2020, "2020-04-13")]
    [InlineData(2021, "2021-04-05")]
    [InlineData(2022, "2022-04-18")]
    [InlineData(2023, "2023-04-10")]
    [InlineData(2024, "2024-04-01")]
    [InlineData(2025, "2025-04-21")]
    [InlineData(2026, "2026-04-06")]
    [InlineData(2027, "2027-03-29")]
    [InlineData(2028, "2028-04-17")]
    [InlineData(2029, "2029-04-02")]
    [InlineData(2030, "2030-04-22")]
    public void Easter_falls_where_the_church_calendar_puts_it(int year, string easterMonday)
    {
        var monday = D(easterMonday);
        Assert.Equal("Easter Monday", EnglandAndWales.NameOf(monday));
        Assert.Equal("Good Friday", EnglandAndWales.NameOf(monday.AddDays(-3)));
        Assert.Equal(year, monday.Year);
    }

    [Theory]
    [InlineData(2018, 8)]
    [InlineData(2020, 8)]
    [InlineData(2021, 8)]
    [InlineData(2022, 10)]
    [InlineData(2023, 9)]
    [InlineData(2026, 8)]
    [InlineData(2030, 8)]
    public void Each_year_has_its_number_of_holidays(int year, int count) =>
        Assert.Equal(count, EnglandAndWales.Dates.Count(date => date.Year == year));

    [Fact]
    public void The_table_runs_from_2018_to_2030_and_every_holiday_is_a_weekday()
    {
        Assert.Equal(D("2018-01-01"), EnglandAndWales.Dates[0]);
        Assert.Equal(D("2030-12-26"), EnglandAndWales.LastDate);
        Assert.All(EnglandAndWales.Dates, date => Assert.True(date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), $"{date} is a weekend"));
    }

    [Fact]
    public void A_council_can_add_its_own_days_without_changing_the_shipped_table()
    {
        var extended = EnglandAndWales.WithExtra([D("2025-12-24")], "Council closure");

        Assert.True(extended.IsBankHoliday(D("2025-12-24")));
        Assert.Equal("Council closure", extended.NameOf(D("2025-12-24")));
        Assert.True(extended.IsBankHoliday(D("2025-12-25")));
        Assert.False(EnglandAndWales.IsBankHoliday(D("2025-12-24")));
    }

    [Fact]
    public void An_extra_day_that_is_already_a_bank_holiday_keeps_its_name()
    {
        var extended = EnglandAndWales.WithExtra([D("2025-12-25")]);

        Assert.Equal("Christmas Day", extended.NameOf(D("2025-12-25")));
    }

    [Fact]
    public void A_council_can_add_days_from_a_csv_file()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "Date,Name\n2025-12-24,\"Closure, Christmas Eve\"\n\n2025-12-31\n");

            var extended = EnglandAndWales.WithExtraFromCsv(path);

            Assert.Equal("Closure, Christmas Eve", extended.NameOf(D("2025-12-24")));
            Assert.Equal("Local holiday", extended.NameOf(D("2025-12-31")));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_csv_line_that_is_not_a_date_is_reported_with_its_line_number()
    {
        var error = Assert.Throws<PmfRuleException>(() => BankHolidays.Parse(new StringReader("Date,Name\n24/12/2025,Closure\n")));

        Assert.Contains("Line 2", error.Message);
        Assert.Contains("24/12/2025", error.Message);
    }
}
