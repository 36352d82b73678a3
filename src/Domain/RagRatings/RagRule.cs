using PmfBot.Domain.Indicators;

namespace PmfBot.Domain.RagRatings;

/// <summary>
/// The RAG rule of DESIGN.md section 1 (t = target, d = tolerance for t):
/// higher is better: green v &gt;= t, amber t - d &lt;= v &lt; t, red v &lt; t - d;
/// lower is better: green v &lt;= t, amber t &lt; v &lt;= t + d, red v &gt; t + d.
/// </summary>
public static class RagRule
{
    /// <summary>
    /// No value wins over no target: a missing return reads as "no data" to the people chasing
    /// it, whether or not a target was set. "No target" means a value came in with nothing to
    /// judge it against.
    /// </summary>
    public static Rag Compute(decimal? value, decimal? target, Tolerance tolerance, Polarity polarity)
    {
        ArgumentNullException.ThrowIfNull(tolerance);
        if (value is not { } v)
        {
            return Rag.NoData;
        }

        if (target is not { } t)
        {
            return Rag.NoTarget;
        }

        var d = ToleranceFor(t, tolerance);
        return polarity == Polarity.HigherIsBetter
            ? v >= t ? Rag.Green : v >= t - d ? Rag.Amber : Rag.Red
            : v <= t ? Rag.Green : v <= t + d ? Rag.Amber : Rag.Red;
    }

    /// <summary>d for a target; a negative tolerance would turn the amber band inside out.</summary>
    public static decimal ToleranceFor(decimal target, Tolerance tolerance)
    {
        ArgumentNullException.ThrowIfNull(tolerance);
        if (tolerance.Amount < 0)
        {
            throw new PmfRuleException($"A tolerance cannot be negative (it is {tolerance}). Use 0 for no amber band.");
        }

        return tolerance.For(target);
    }
}
