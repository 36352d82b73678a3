using System.Globalization;
using PmfBot.Domain.Indicators;

namespace PmfBot.Domain.Exceptions;

using PmfBot.Domain.RagRatings;

/// <summary>How figures read in exception reasons: "92%", "14 days", "1,250".</summary>
internal static class Wording
{
    public static string Number(decimal value, string unit)
    {
        var text = value.ToString("#,0.####", CultureInfo.InvariantCulture);
        return unit switch
        {
            "" => text,
            "%" => text + "%",
            _ => $"{text} {unit}",
        };
    }

    /// <summary>A percentage tolerance is a share of the target; an absolute one is in the unit.</summary>
    public static string Tolerance(Tolerance tolerance, string unit) => tolerance.Kind == ToleranceKind.Percent
        ? $"tolerance {tolerance.Amount.ToString("#,0.####", CultureInfo.InvariantCulture)}%"
        : unit == "%"
            ? $"tolerance {tolerance.Amount.ToString("#,0.####", CultureInfo.InvariantCulture)} percentage points"
            : $"tolerance {Number(tolerance.Amount, unit)}";

    public static string Rating(Rag rating) => rating switch
    {
        Rag.Green => "green",
        Rag.Amber => "amber",
        Rag.Red => "red",
        Rag.NoTarget => "no rating (no target)",
        _ => "no rating (no data)",
    };
}
