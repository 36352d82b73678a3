using PmfBot.Domain.Indicators;

namespace PmfBot.Domain.Tests.RagRatings;

using PmfBot.Domain.RagRatings;

public class RagRuleTests
{
    private static Rag Compute(double? value, double? target, Tolerance tolerance, Polarity polarity) =>
        RagRule.Compute((decimal?)value, (decimal?)target, tolerance, polarity);

    [Theory]
    [InlineData(80, Rag.Green)]      // exactly at target
    [InlineData(100, Rag.Green)]
    [InlineData(79.99, Rag.Amber)]   // just below target
    [InlineData(75, Rag.Amber)]      // exactly at t - d
    [InlineData(74.99, Rag.Red)]     // just below t - d
    [InlineData(-10, Rag.Red)]
    public void Higher_is_better_with_absolute_tolerance_follows_the_bands(double value, Rag expected) =>
        Assert.Equal(expected, Compute(value, 80, Tolerance.Absolute(5), Polarity.HigherIsBetter));

    [Theory]
    [InlineData(10, Rag.Green)]      // exactly at target
    [InlineData(0, Rag.Green)]
    [InlineData(10.01, Rag.Amber)]   // just above target
    [InlineData(12, Rag.Amber)]      // exactly at t + d
    [InlineData(12.01, Rag.Red)]     // just above t + d
    public void Lower_is_better_with_absolute_tolerance_follows_the_bands(double value, Rag expected) =>
        Assert.Equal(expected, Compute(value, 10, Tolerance.Absolute(2), Polarity.LowerIsBetter));

    [Theory]
    [InlineData(80, Rag.Green)]
    [InlineData(76, Rag.Amber)]      // 5% of 80 is 4
    [InlineData(75.99, Rag.Red)]
    public void Higher_is_better_percent_tolerance_is_a_share_of_the_target(double value, Rag expected) =>
        Assert.Equal(expected, Compute(value, 80, Tolerance.Percent(5), Polarity.HigherIsBetter));

    [Theory]
    [InlineData(200, Rag.Green)]
    [InlineData(220, Rag.Amber)]     // 10% of 200 is 20
    [InlineData(220.01, Rag.Red)]
    public void Lower_is_better_percent_tolerance_is_a_share_of_the_target(double value, Rag expected) =>
        Assert.Equal(expected, Compute(value, 200, Tolerance.Percent(10), Polarity.LowerIsBetter));

    [Theory]
    [InlineData(80, Polarity.HigherIsBetter, Rag.Green)]
    [InlineData(79.99, Polarity.HigherIsBetter, Rag.Red)]
    [InlineData(80, Polarity.LowerIsBetter, Rag.Green)]
    [InlineData(80.01, Polarity.LowerIsBetter, Rag.Red)]
    public void Zero_tolerance_has_no_amber_band(double value, Polarity polarity, Rag expected) =>
        Assert.Equal(expected, Compute(value, 80, Tolerance.None, polarity));

    [Theory]
    [InlineData(-5, Rag.Green)]
    [InlineData(-4, Rag.Green)]
    [InlineData(-5.5, Rag.Amber)]    // 10% of |-5| is 0.5
    [InlineData(-5.51, Rag.Red)]
    public void Higher_is_better_negative_target_uses_the_size_of_the_target_for_percent_tolerance(double value, Rag expected) =>
        Assert.Equal(expected, Compute(value, -5, Tolerance.Percent(10), Polarity.HigherIsBetter));

    [Theory]
    [InlineData(-5, Rag.Green)]
    [InlineData(-6, Rag.Green)]
    [InlineData(-4.5, Rag.Amber)]
    [InlineData(-4.49, Rag.Red)]
    public void Lower_is_better_negative_target_uses_the_size_of_the_target_for_percent_tolerance(double value, Rag expected) =>
        Assert.Equal(expected, Compute(value, -5, Tolerance.Percent(10), Polarity.LowerIsBetter));

    [Theory]
    [InlineData(0, Rag.Green)]
    [InlineData(-0.01, Rag.Red)]
    public void Percent_tolerance_of_a_zero_target_is_zero(double value, Rag expected) =>
        Assert.Equal(expected, Compute(value, 0, Tolerance.Percent(10), Polarity.HigherIsBetter));

    [Theory]
    [InlineData(Polarity.HigherIsBetter)]
    [InlineData(Polarity.LowerIsBetter)]
    public void A_value_without_a_target_has_no_target_rating(Polarity polarity) =>
        Assert.Equal(Rag.NoTarget, Compute(50, null, Tolerance.Absolute(5), polarity));

    [Theory]
    [InlineData(80.0)]
    [InlineData(null)]
    public void A_missing_value_is_no_data_whether_or_not_there_is_a_target(double? target) =>
        Assert.Equal(Rag.NoData, Compute(null, target, Tolerance.Absolute(5), Polarity.HigherIsBetter));

    [Fact]
    public void A_negative_tolerance_is_a_broken_rule()
    {
        var error = Assert.Throws<PmfRuleException>(() => Compute(70, 80, Tolerance.Absolute(-5), Polarity.HigherIsBetter));
        Assert.Contains("cannot be negative", error.Message);
    }
}
