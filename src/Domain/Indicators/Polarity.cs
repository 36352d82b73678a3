namespace PmfBot.Domain.Indicators;

/// <summary>Which way is good for an indicator: the council reports call it polarity.</summary>
public enum Polarity
{
    HigherIsBetter,
    LowerIsBetter,
}
