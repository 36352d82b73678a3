namespace PmfBot.Domain.Indicators;

/// <summary>How often an indicator is reported.</summary>
public enum Frequency
{
    Monthly,
    Quarterly,
    SixMonthly,
    Annual,
}
