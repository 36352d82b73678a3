using PmfBot.Domain.RagRatings;
using PmfBot.Domain.Results;

namespace PmfBot.Domain.Risks;

/// <summary>
/// Risk and performance read together: a priority where red indicators and a risk still high
/// after mitigation meet is one the board should look at first. "High" is a residual impact ×
/// likelihood score of <see cref="HighResidualScore"/> or more (low 1, medium 2, high 3), so a
/// high impact that is at least medium likely, or the reverse (docs/rules.md).
/// </summary>
public static class RiskAndPerformance
{
    public const int HighResidualScore = 6;

    /// <summary>Where a priority's red indicators and its high residual risks meet.</summary>
    public sealed record Meeting(IReadOnlyList<IndicatorResult> RedIndicators, IReadOnlyList<Risk> HighRisks);

    public static bool IsHighResidual(Risk risk)
    {
        ArgumentNullException.ThrowIfNull(risk);
        return risk.ResidualScore >= HighResidualScore;
    }

    /// <summary>The red indicators and high residual risks of a priority, or null unless it has both.</summary>
    public static Meeting? Of(IEnumerable<IndicatorResult> results, IEnumerable<Risk> risks)
    {
        var red = results.Where(r => r.Rag == Rag.Red).DistinctBy(r => r.Indicator.Id).OrderBy(r => r.Indicator.Code, StringComparer.Ordinal).ToList();
        var high = risks.Where(IsHighResidual).OrderByDescending(r => r.ResidualScore).ThenBy(r => r.Title, StringComparer.Ordinal).ToList();
        return red.Count > 0 && high.Count > 0 ? new Meeting(red, high) : null;
    }
}
