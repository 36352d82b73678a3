using PmfBot.Domain.Calendar;
using PmfBot.Domain.Indicators;

namespace PmfBot.Domain.Tests.Indicators;

public sealed class IndicatorTargetTests
{
    private static Indicator NewIndicator() =>
        new(Guid.NewGuid(), "NI 8", "Adult participation in sport", "%", Polarity.HigherIsBetter, Frequency.Quarterly, Guid.NewGuid());

    [Fact]
    public void A_target_set_for_the_quarter_wins_over_the_annual_target()
    {
        var indicator = NewIndicator();
        indicator.SetTarget(Period.FinancialYear(2025), 80);
        indicator.SetTarget(Period.Quarter(2025, 2), 75);

        Assert.Equal(75m, indicator.TargetFor(Period.Quarter(2025, 2)));
        Assert.Equal(80m, indicator.TargetFor(Period.Quarter(2025, 3)));
    }

    [Fact]
    public void A_profiled_annual_target_builds_up_over_the_quarters()
    {
        var indicator = NewIndicator();
        indicator.SetTarget(Period.FinancialYear(2025), 1200);
        indicator.ProfileAnnualTarget(AnnualProfile.Parse("20;45;70;100"));

        Assert.Equal([240m, 540m, 840m, 1200m], Enumerable.Range(1, 4).Select(q => indicator.TargetFor(Period.Quarter(2025, q))));
    }

    [Fact]
    public void No_target_for_the_year_gives_no_target()
    {
        var indicator = NewIndicator();
        indicator.SetTarget(Period.FinancialYear(2024), 80);

        Assert.Null(indicator.TargetFor(Period.Quarter(2025, 1)));
        Assert.Null(indicator.TargetFor(Period.FinancialYear(2025)));
    }

    [Fact]
    public void Setting_a_target_again_replaces_it()
    {
        var indicator = NewIndicator();
        indicator.SetTarget(Period.FinancialYear(2025), 80);
        indicator.SetTarget(Period.FinancialYear(2025), 82);

        Assert.Equal(82m, indicator.TargetFor(Period.Quarter(2025, 1)));
        Assert.Single(indicator.Targets);
    }

    [Theory]
    [InlineData("20;45;70")]
    [InlineData("50;40;70;100")]
    [InlineData("20;45;70;90")]
    [InlineData("20;45;x;100")]
    public void A_profile_that_does_not_build_up_to_100_is_refused(string profile)
    {
        Assert.Throws<PmfRuleException>(() => AnnualProfile.Parse(profile));
    }

    [Fact]
    public void Collators_and_the_owner_may_submit_and_nobody_else()
    {
        var indicator = NewIndicator();
        var collator = Guid.NewGuid();
        indicator.AddCollator(collator);

        Assert.True(indicator.MaySubmit(indicator.OwnerId));
        Assert.True(indicator.MaySubmit(collator));
        Assert.False(indicator.MaySubmit(Guid.NewGuid()));
    }

    [Fact]
    public void An_indicator_serving_two_priorities_is_flagged()
    {
        var indicator = NewIndicator();
        indicator.ContributesTo(Guid.NewGuid());
        Assert.False(indicator.ServesSeveralPriorities);

        indicator.ContributesTo(Guid.NewGuid());

        Assert.True(indicator.ServesSeveralPriorities);
    }

    [Theory]
    [InlineData("5%", 5, ToleranceKind.Percent)]
    [InlineData("3", 3, ToleranceKind.Absolute)]
    [InlineData(" 2.5 % ", 2.5, ToleranceKind.Percent)]
    [InlineData("", 0, ToleranceKind.Absolute)]
    public void Tolerances_read_as_councils_write_them(string text, decimal amount, ToleranceKind kind)
    {
        Assert.Equal(new Tolerance(amount, kind), ToleranceText.Parse(text));
    }

    [Theory]
    [InlineData("-5%")]
    [InlineData("five")]
    public void A_tolerance_that_is_not_a_positive_number_is_refused(string text)
    {
        Assert.Throws<PmfRuleException>(() => ToleranceText.Parse(text));
    }
}
