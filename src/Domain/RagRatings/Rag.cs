namespace PmfBot.Domain.RagRatings;

/// <summary>
/// A red, amber or green rating, or the two reasons there is none: no target set for the
/// period, or no value reported.
/// </summary>
public enum Rag
{
    NoData,
    NoTarget,
    Green,
    Amber,
    Red,
}
