namespace PmfBot.Domain.Exceptions;

/// <summary>
/// Why an indicator needs scrutiny's attention. "Exception" is the councils' word; these are
/// not .NET exceptions.
/// </summary>
public enum ExceptionKind
{
    /// <summary>Worse than target by more than the tolerance: the figures give red.</summary>
    BeyondToleranceBelow,

    /// <summary>Better than target by more than the tolerance: is the target too easy?</summary>
    BeyondToleranceAbove,

    /// <summary>Rated red by a person's override when the figures alone do not give red.</summary>
    Red,

    /// <summary>Worse than the period before in each of the last two periods.</summary>
    WorseningTwoPeriods,

    /// <summary>No value and no "not available" reason after the due date.</summary>
    Missing,
}
