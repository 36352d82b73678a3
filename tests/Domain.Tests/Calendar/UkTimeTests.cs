using Microsoft.Extensions.Time.Testing;
using PmfBot.Domain.Calendar;
using static PmfBot.Domain.Tests.Calendar.Dates;

namespace PmfBot.Domain.Tests.Calendar;

public class UkTimeTests
{
    [Theory]
    [InlineData("2025-06-30T22:59:59Z", "2025-06-30")] // 23:59:59 BST
    [InlineData("2025-06-30T23:30:00Z", "2025-07-01")] // 00:30 BST: already tomorrow in the UK
    [InlineData("2025-07-01T01:30:00+02:00", "2025-07-01")] // the same instant seen from Paris
    [InlineData("2025-12-31T23:30:00Z", "2025-12-31")] // GMT: UTC and UK dates agree
    [InlineData("2026-01-01T00:00:00Z", "2026-01-01")]
    public void An_instant_falls_on_its_uk_date(string instant, string expected) =>
        Assert.Equal(D(expected), UkTime.DateOf(At(instant)));

    [Fact]
    public void Today_comes_from_the_clock_in_uk_time()
    {
        var clock = new FakeTimeProvider(At("2025-09-30T23:15:00Z"));

        Assert.Equal(D("2025-10-01"), UkTime.Today(clock));
    }

    [Theory]
    [InlineData("2025-07-01", "2025-06-30T23:00:00Z")]
    [InlineData("2025-12-01", "2025-12-01T00:00:00Z")]
    [InlineData("2026-03-29", "2026-03-29T00:00:00Z")] // clocks go forward at 01:00 that day
    [InlineData("2026-10-25", "2026-10-24T23:00:00Z")] // clocks go back at 02:00 BST that day
    public void A_uk_date_starts_at_uk_midnight(string date, string expected) =>
        Assert.Equal(At(expected), UkTime.StartOf(D(date)));

    [Fact]
    public void The_day_clocks_go_forward_ends_23_hours_after_it_starts() =>
        Assert.Equal(TimeSpan.FromHours(23), UkTime.EndOf(D("2026-03-29")) - UkTime.StartOf(D("2026-03-29")));
}
