using PmfBot.Domain.Indicators;

namespace PmfBot.Domain.Travel;

public static class TravelRule
{
    /// <summary>
    /// Improving when the value moved the good way for the polarity; equal values are no
    /// change (DESIGN.md: no threshold, the rating already carries the tolerance).
    /// </summary>
    public static DirectionOfTravel Compare(decimal? current, decimal? previous, Polarity polarity)
    {
        if (current is not { } now || previous is not { } before)
        {
            return DirectionOfTravel.NotComparable;
        }

        if (now == before)
        {
            return DirectionOfTravel.NoChange;
        }

        var wentUp = now > before;
        return wentUp == (polarity == Polarity.HigherIsBetter)
            ? DirectionOfTravel.Improving
            : DirectionOfTravel.Worsening;
    }

    public static TravelAssessment Assess(
        decimal? current, decimal? previousPeriod, decimal? samePeriodLastYear, Polarity polarity) =>
        new(Compare(current, previousPeriod, polarity), Compare(current, samePeriodLastYear, polarity));
}
