using PmfBot.Domain.Indicators;
using PmfBot.Domain.Travel;

namespace PmfBot.Domain.Exceptions;

using PmfBot.Domain.RagRatings;

/// <summary>
/// Finds the exceptions of DESIGN.md section 1: beyond tolerance either way, red ratings,
/// two periods worsening, missing returns. Scrutiny reads these instead of every indicator.
/// </summary>
public static class ExceptionRule
{
    public static IReadOnlyList<IndicatorException> Find(IndicatorSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var found = new List<IndicatorException>();
        var unit = snapshot.Unit;

        if (snapshot.Value is null && snapshot.IsPastDue && string.IsNullOrWhiteSpace(snapshot.NotAvailableReason))
        {
            found.Add(new(ExceptionKind.Missing, "No return: no value and no reason given after the due date"));
        }

        var beyondBelow = false;
        if (snapshot is { Value: { } value, Target: { } target })
        {
            var d = RagRule.ToleranceFor(target, snapshot.Tolerance);
            var higher = snapshot.Polarity == Polarity.HigherIsBetter;
            var against = $"{Wording.Number(value, unit)} against {Wording.Number(target, unit)} ({Wording.Tolerance(snapshot.Tolerance, unit)})";
            var lowerNote = higher ? string.Empty : " (lower is better)";

            beyondBelow = higher ? value < target - d : value > target + d;
            if (beyondBelow)
            {
                found.Add(new(ExceptionKind.BeyondToleranceBelow, $"Well {(higher ? "below" : "above")} target{lowerNote}: {against}{OverrideNote(snapshot.Rating)}"));
            }

            if (higher ? value > target + d : value < target - d)
            {
                found.Add(new(ExceptionKind.BeyondToleranceAbove, $"Well {(higher ? "above" : "below")} target{lowerNote}: {against}"));
            }
        }

        // A computed red is already explained by the figures above; only a red that a person
        // chose needs its own line, so scrutiny does not read the same problem twice.
        if (snapshot.Rating is { Effective: Rag.Red, IsOverridden: true } rating && !beyondBelow)
        {
            found.Add(new(ExceptionKind.Red, $"Rated red (the figures give {Wording.Rating(rating.Computed)}): {rating.OverrideReason}"));
        }

        if (WorsenedTwice(snapshot) is { } reason)
        {
            found.Add(new(ExceptionKind.WorseningTwoPeriods, reason));
        }

        return found;
    }

    private static string OverrideNote(RagAssessment? rating) =>
        rating is { IsOverridden: true, Effective: not Rag.Red }
            ? $"; rated {Wording.Rating(rating.Effective)} by override: {rating.OverrideReason}"
            : string.Empty;

    private static string? WorsenedTwice(IndicatorSnapshot snapshot)
    {
        if (snapshot.PreviousValues.Count < 2
            || snapshot.Value is not { } now
            || snapshot.PreviousValues[0] is not { } before
            || snapshot.PreviousValues[1] is not { } earlier)
        {
            return null;
        }

        var worsened = TravelRule.Compare(now, before, snapshot.Polarity) == DirectionOfTravel.Worsening
            && TravelRule.Compare(before, earlier, snapshot.Polarity) == DirectionOfTravel.Worsening;
        return worsened
            ? $"Worse for two periods running: {Wording.Number(earlier, snapshot.Unit)}, then {Wording.Number(before, snapshot.Unit)}, now {Wording.Number(now, snapshot.Unit)}"
            : null;
    }
}
