namespace PmfBot.Domain.Travel;

/// <summary>Which way an indicator moved, read through its polarity.</summary>
public enum DirectionOfTravel
{
    Improving,
    NoChange,
    Worsening,

    /// <summary>One of the two values is missing.</summary>
    NotComparable,
}
