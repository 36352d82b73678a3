using PmfBot.Domain.Indicators;
using PmfBot.Domain.Travel;

namespace PmfBot.Domain.Tests.Travel;

public class TravelRuleTests
{
    [Theory]
    [InlineData(81, 80, Polarity.HigherIsBetter, DirectionOfTravel.Improving)]
    [InlineData(79, 80, Polarity.HigherIsBetter, DirectionOfTravel.Worsening)]
    [InlineData(80, 80, Polarity.HigherIsBetter, DirectionOfTravel.NoChange)]
    [InlineData(9, 10, Polarity.LowerIsBetter, DirectionOfTravel.Improving)]
    [InlineData(11, 10, Polarity.LowerIsBetter, DirectionOfTravel.Worsening)]
    [InlineData(10, 10, Polarity.LowerIsBetter, DirectionOfTravel.NoChange)]
    [InlineData(-3, -5, Polarity.HigherIsBetter, DirectionOfTravel.Improving)]
    [InlineData(-3, -5, Polarity.LowerIsBetter, DirectionOfTravel.Worsening)]
    [InlineData(80.001, 80, Polarity.HigherIsBetter, DirectionOfTravel.Improving)]
    public void Direction_is_read_through_polarity(double current, double previous, Polarity polarity, DirectionOfTravel expected) =>
        Assert.Equal(expected, TravelRule.Compare((decimal)current, (decimal)previous, polarity));

    [Theory]
    [InlineData(null, 80.0)]
    [InlineData(80.0, null)]
    [InlineData(null, null)]
    public void A_missing_value_on_either_side_is_not_comparable(double? current, double? previous)
    {
        Assert.Equal(DirectionOfTravel.NotComparable, TravelRule.Compare((decimal?)current, (decimal?)previous, Polarity.HigherIsBetter));
        Assert.Equal(DirectionOfTravel.NotComparable, TravelRule.Compare((decimal?)current, (decimal?)previous, Polarity.LowerIsBetter));
    }

    [Fact]
    public void Assessment_compares_against_the_previous_period_and_the_same_period_last_year()
    {
        var travel = TravelRule.Assess(current: 80m, previousPeriod: 85m, samePeriodLastYear: 70m, Polarity.HigherIsBetter);

        Assert.Equal(new TravelAssessment(DirectionOfTravel.Worsening, DirectionOfTravel.Improving), travel);
    }

    [Fact]
    public void Assessment_without_last_years_value_still_compares_with_the_previous_period()
    {
        var travel = TravelRule.Assess(current: 12m, previousPeriod: 15m, samePeriodLastYear: null, Polarity.LowerIsBetter);

        Assert.Equal(DirectionOfTravel.Improving, travel.AgainstPreviousPeriod);
        Assert.Equal(DirectionOfTravel.NotComparable, travel.AgainstSamePeriodLastYear);
    }
}
