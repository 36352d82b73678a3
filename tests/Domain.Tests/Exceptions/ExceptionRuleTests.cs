using PmfBot.Domain.Exceptions;
using PmfBot.Domain.Indicators;

namespace PmfBot.Domain.Tests.Exceptions;

using PmfBot.Domain.RagRatings;

public class ExceptionRuleTests
{
    private static IndicatorSnapshot Percentage(decimal? value, params decimal?[] previous) =>
        new(value, 80m, Tolerance.Percent(5), Polarity.HigherIsBetter, previous, Unit: "%");

    private static IndicatorSnapshot WaitInDays(decimal? value, params decimal?[] previous) =>
        new(value, 10m, Tolerance.Absolute(2), Polarity.LowerIsBetter, previous, Unit: "days");

    private static IReadOnlyList<ExceptionKind> Kinds(IndicatorSnapshot snapshot) =>
        ExceptionRule.Find(snapshot).Select(exception => exception.Kind).ToList();

    [Fact]
    public void Higher_is_better_well_above_target_reads_as_well_above()
    {
        var found = Assert.Single(ExceptionRule.Find(Percentage(92m)));

        Assert.Equal(new IndicatorException(ExceptionKind.BeyondToleranceAbove, "Well above target: 92% against 80% (tolerance 5%)"), found);
    }

    [Fact]
    public void Higher_is_better_well_below_target_reads_as_well_below()
    {
        var found = Assert.Single(ExceptionRule.Find(Percentage(75.99m)));

        Assert.Equal(new IndicatorException(ExceptionKind.BeyondToleranceBelow, "Well below target: 75.99% against 80% (tolerance 5%)"), found);
    }

    [Theory]
    [InlineData(76)]    // exactly t - d: amber, not beyond
    [InlineData(80)]
    [InlineData(84)]    // exactly t + d: not beyond
    public void Higher_is_better_within_tolerance_either_side_is_no_exception(double value) =>
        Assert.Empty(ExceptionRule.Find(Percentage((decimal)value)));

    [Theory]
    [InlineData(84.01, ExceptionKind.BeyondToleranceAbove)]
    [InlineData(75.99, ExceptionKind.BeyondToleranceBelow)]
    public void Higher_is_better_just_beyond_tolerance_is_an_exception(double value, ExceptionKind kind) =>
        Assert.Equal([kind], Kinds(Percentage((decimal)value)));

    [Theory]
    [InlineData(12, null)]   // exactly t + d
    [InlineData(8, null)]    // exactly t - d
    [InlineData(12.01, ExceptionKind.BeyondToleranceBelow)]
    [InlineData(7.99, ExceptionKind.BeyondToleranceAbove)]
    public void Lower_is_better_reads_the_bands_the_other_way(double value, ExceptionKind? kind) =>
        Assert.Equal(kind is { } k ? [k] : [], Kinds(WaitInDays((decimal)value)));

    [Fact]
    public void Lower_is_better_says_which_way_is_good()
    {
        var found = Assert.Single(ExceptionRule.Find(WaitInDays(14m)));

        Assert.Equal("Well above target (lower is better): 14 days against 10 days (tolerance 2 days)", found.Reason);
    }

    [Fact]
    public void With_zero_tolerance_any_value_beyond_target_either_way_is_an_exception()
    {
        var snapshot = new IndicatorSnapshot(80.01m, 80m, Tolerance.None, Polarity.HigherIsBetter, []);

        Assert.Equal([ExceptionKind.BeyondToleranceAbove], Kinds(snapshot));
        Assert.Empty(ExceptionRule.Find(snapshot with { Value = 80m }));
    }

    [Fact]
    public void Negative_targets_use_the_size_of_the_target_for_percent_tolerance()
    {
        // Net change in homes, target -5 with 10% tolerance: d = 0.5.
        var snapshot = new IndicatorSnapshot(-5.51m, -5m, Tolerance.Percent(10), Polarity.HigherIsBetter, []);

        Assert.Equal([ExceptionKind.BeyondToleranceBelow], Kinds(snapshot));
        Assert.Empty(ExceptionRule.Find(snapshot with { Value = -5.5m }));
    }

    [Fact]
    public void Without_a_target_there_is_nothing_to_be_beyond()
    {
        var snapshot = new IndicatorSnapshot(500m, null, Tolerance.Percent(5), Polarity.HigherIsBetter, []);

        Assert.Empty(ExceptionRule.Find(snapshot));
    }

    [Fact]
    public void A_computed_red_is_reported_once_as_beyond_tolerance_not_again_as_red()
    {
        var snapshot = Percentage(60m) with { Rating = RagAssessment.FromComputed(Rag.Red) };

        Assert.Equal([ExceptionKind.BeyondToleranceBelow], Kinds(snapshot));
    }

    [Fact]
    public void A_red_given_by_override_is_a_red_exception_with_the_reason()
    {
        var rating = RagAssessment.FromComputed(Rag.Amber).OverrideWith(Rag.Red, "Two care homes closed in October.");
        var snapshot = Percentage(78m) with { Rating = rating };

        var found = Assert.Single(ExceptionRule.Find(snapshot));

        Assert.Equal(ExceptionKind.Red, found.Kind);
        Assert.Equal("Rated red (the figures give amber): Two care homes closed in October.", found.Reason);
    }

    [Fact]
    public void Beyond_tolerance_below_mentions_an_override_that_softened_it()
    {
        var rating = RagAssessment.FromComputed(Rag.Red).OverrideWith(Rag.Amber, "Data lag; October is back on track.");
        var snapshot = Percentage(60m) with { Rating = rating };

        var found = Assert.Single(ExceptionRule.Find(snapshot));

        Assert.Equal(ExceptionKind.BeyondToleranceBelow, found.Kind);
        Assert.Equal("Well below target: 60% against 80% (tolerance 5%); rated amber by override: Data lag; October is back on track.", found.Reason);
    }

    [Fact]
    public void Three_values_each_worse_than_the_one_before_are_two_periods_worsening()
    {
        var found = Assert.Single(ExceptionRule.Find(Percentage(82m, 83m, 85m)));

        Assert.Equal(new IndicatorException(ExceptionKind.WorseningTwoPeriods, "Worse for two periods running: 85%, then 83%, now 82%"), found);
    }

    [Fact]
    public void Lower_is_better_worsening_means_rising()
    {
        Assert.Equal([ExceptionKind.WorseningTwoPeriods], Kinds(WaitInDays(11m, 10m, 9m)));
        Assert.Empty(ExceptionRule.Find(WaitInDays(9m, 10m, 11m)));
    }

    [Theory]
    [InlineData(82, 83, 82.0)]   // worse once, better the time before
    [InlineData(82, 82, 85.0)]   // no change last period
    [InlineData(82, 83, null)] // a gap in the history
    public void Anything_short_of_two_consecutive_worsenings_is_not_an_exception(double now, double before, double? earlier) =>
        Assert.DoesNotContain(ExceptionKind.WorseningTwoPeriods, Kinds(Percentage((decimal)now, (decimal)before, (decimal?)earlier)));

    [Fact]
    public void One_previous_value_is_not_enough_to_call_a_trend() =>
        Assert.Empty(ExceptionRule.Find(Percentage(81m, 83m)));

    [Fact]
    public void Only_the_last_two_periods_count_for_worsening() =>
        Assert.Empty(ExceptionRule.Find(Percentage(82m, 81m, 85m, 86m, 87m)));

    [Fact]
    public void No_value_and_no_reason_after_the_due_date_is_missing()
    {
        var found = Assert.Single(ExceptionRule.Find(Percentage(null) with { IsPastDue = true }));

        Assert.Equal(ExceptionKind.Missing, found.Kind);
        Assert.Equal("No return: no value and no reason given after the due date", found.Reason);
    }

    [Theory]
    [InlineData(false, null)]
    [InlineData(true, "New indicator: the first survey reports in Q3.")]
    public void No_value_before_the_due_date_or_with_a_reason_is_not_missing(bool pastDue, string? reason) =>
        Assert.Empty(ExceptionRule.Find(Percentage(null) with { IsPastDue = pastDue, NotAvailableReason = reason }));

    [Fact]
    public void A_blank_not_available_reason_does_not_count_as_a_reason() =>
        Assert.Equal([ExceptionKind.Missing], Kinds(Percentage(null) with { IsPastDue = true, NotAvailableReason = "  " }));

    [Fact]
    public void An_indicator_can_be_several_exceptions_at_once() =>
        Assert.Equal(
            [ExceptionKind.BeyondToleranceBelow, ExceptionKind.WorseningTwoPeriods],
            Kinds(Percentage(70m, 74m, 77m)));

    [Fact]
    public void Numbers_in_reasons_use_thousands_separators_and_units_without_a_percent_sign()
    {
        var snapshot = new IndicatorSnapshot(1250m, 2000m, Tolerance.Absolute(100), Polarity.HigherIsBetter, [], Unit: "homes");

        Assert.Equal("Well below target: 1,250 homes against 2,000 homes (tolerance 100 homes)", Assert.Single(ExceptionRule.Find(snapshot)).Reason);
    }

    [Fact]
    public void An_absolute_tolerance_on_a_percentage_is_in_percentage_points()
    {
        var snapshot = new IndicatorSnapshot(70m, 80m, Tolerance.Absolute(3), Polarity.HigherIsBetter, [], Unit: "%");

        Assert.Equal("Well below target: 70% against 80% (tolerance 3 percentage points)", Assert.Single(ExceptionRule.Find(snapshot)).Reason);
    }
}
