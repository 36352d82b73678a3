using Microsoft.Extensions.Time.Testing;
using PmfBot.Bot.Demo;
using PmfBot.Domain;

namespace PmfBot.Bot.Tests.Demo;

public sealed class DemoClockTests
{
    private static readonly DateTimeOffset RealNow = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Demo_today_as_a_date_starts_the_clock_at_ten_in_the_morning_uk_time()
    {
        var clock = new DemoClock(new FakeTimeProvider(RealNow), DemoClock.ParseStart("2025-11-24"));

        Assert.Equal(new DateTimeOffset(2025, 11, 24, 10, 0, 0, TimeSpan.Zero), clock.GetUtcNow());
    }

    [Fact]
    public void The_demo_clock_keeps_ticking_with_real_time()
    {
        var real = new FakeTimeProvider(RealNow);
        var clock = new DemoClock(real, DemoClock.ParseStart("2025-06-02T08:00:00Z"));

        real.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(new DateTimeOffset(2025, 6, 2, 8, 5, 0, TimeSpan.Zero), clock.GetUtcNow());
    }

    [Fact]
    public void Moving_to_a_summer_day_lands_at_nine_british_summer_time()
    {
        var clock = new DemoClock(new FakeTimeProvider(RealNow), DemoClock.ParseStart("2025-06-02"));

        var moved = clock.MoveTo(new DateOnly(2025, 7, 1));

        Assert.Equal(new DateTimeOffset(2025, 7, 1, 8, 0, 0, TimeSpan.Zero), moved);
        Assert.Equal(moved, clock.GetUtcNow());
    }

    [Fact]
    public void The_demo_clock_never_moves_back()
    {
        var clock = new DemoClock(new FakeTimeProvider(RealNow), DemoClock.ParseStart("2025-11-24"));

        var refused = Assert.Throws<PmfRuleException>(() => clock.MoveTo(new DateOnly(2025, 11, 1)));

        Assert.Equal("The demo clock only moves forward.", refused.Message);
        Assert.Equal(new DateTimeOffset(2025, 11, 24, 10, 0, 0, TimeSpan.Zero), clock.GetUtcNow());
    }

    [Theory]
    [InlineData("24/11/2025")]
    [InlineData("next tuesday")]
    public void A_demo_today_that_is_not_a_date_stops_the_host_with_the_setting_named(string text)
    {
        var problem = Assert.Throws<InvalidOperationException>(() => DemoClock.ParseStart(text));

        Assert.Contains("Demo:Today must be a date", problem.Message);
    }
}
