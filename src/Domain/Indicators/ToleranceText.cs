using System.Globalization;

namespace PmfBot.Domain.Indicators;

/// <summary>Tolerance as councils write it: "5%" is a share of the target, "3" is in the unit.</summary>
public static class ToleranceText
{
    public static string Format(Tolerance tolerance) =>
        tolerance.Amount.ToString(CultureInfo.InvariantCulture) + (tolerance.Kind == ToleranceKind.Percent ? "%" : "");

    public static Tolerance Parse(string text)
    {
        if (!TryParse(text, out var tolerance))
        {
            throw new PmfRuleException($"'{text}' is not a tolerance: write a number (in the indicator's unit) or a percentage such as 5%.");
        }

        return tolerance;
    }

    public static bool TryParse(string? text, out Tolerance tolerance)
    {
        tolerance = Tolerance.None;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var trimmed = text.Trim();
        var percent = trimmed.EndsWith('%');
        var number = percent ? trimmed[..^1].Trim() : trimmed;
        if (!decimal.TryParse(number, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) || amount < 0)
        {
            return false;
        }

        tolerance = percent ? Tolerance.Percent(amount) : Tolerance.Absolute(amount);
        return true;
    }
}
