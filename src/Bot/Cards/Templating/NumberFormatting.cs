using System.Globalization;
using System.Text;

namespace PmfBot.Bot.Cards.Templating;

/// <summary>
/// formatNumber(x, precision) and string(number) as AdaptiveExpressions computes them: d3-format's
/// ",.Nf" in the en-GB locale (comma thousands, point decimal, U+2212 for minus), after
/// Math.round-based rounding for formatNumber.
/// </summary>
internal static class NumberFormatting
{
    private const char Minus = '\u2212';

    private static readonly double[] PowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>formatNumber(number, precision); null and an error when d3 would reject the format.</summary>
    public static string? FormatNumber(double number, double precision, out string? error)
    {
        // d3 builds the specifier ",.<precision>f"; it only accepts digits there.
        var precisionText = JsSemantics.NumberToString(precision);
        if (precisionText.Length == 0 || precisionText.Any(c => c is < '0' or > '9'))
        {
            error = $"invalid format: ,.{precisionText}f";
            return null;
        }

        error = null;
        var power = precision < PowersOfTen.Length ? PowersOfTen[(int)precision] : Math.Pow(10, precision);
        var rounded = JsRound(number * power) / power;
        return FixedGrouped(rounded, (int)Math.Min(20, precision));
    }

    /// <summary>string(number): as many decimals as the number's own toString shows, grouped.</summary>
    public static string NumberAsString(double number)
    {
        var text = JsSemantics.NumberToString(number);
        var point = text.IndexOf('.');
        var precision = point < 0 ? 0 : text.Length - point - 1;
        return FixedGrouped(number, Math.Min(20, precision));
    }

    /// <summary>Math.round: halves go up (towards +infinity), and negative results keep their -0.</summary>
    private static double JsRound(double x)
    {
        if (!double.IsFinite(x) || x == 0)
        {
            return x;
        }

        if (x < 0 && x >= -0.5)
        {
            return -0.0;
        }

        var floor = Math.Floor(x);
        return x - floor >= 0.5 ? floor + 1 : floor;
    }

    /// <summary>d3-format ",.{precision}f".</summary>
    private static string FixedGrouped(double value, int precision)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        var negative = value < 0 || (value == 0 && double.IsNegative(value));
        var text = ToFixed(Math.Abs(value), precision);
        if (negative && text.All(c => c is '0' or '.'))
        {
            negative = false;
        }

        var split = 0;
        while (split < text.Length && text[split] is >= '0' and <= '9')
        {
            split++;
        }

        var builder = new StringBuilder(text.Length + 8);
        if (negative)
        {
            builder.Append(Minus);
        }

        var integerDigits = split;
        var firstGroup = integerDigits % 3 == 0 ? 3 : integerDigits % 3;
        for (var i = 0; i < integerDigits; i++)
        {
            if (i > 0 && (i - firstGroup) % 3 == 0)
            {
                builder.Append(',');
            }

            builder.Append(text[i]);
        }

        return builder.Append(text, split, text.Length - split).ToString();
    }

    /// <summary>Number.prototype.toFixed for a non-negative number.</summary>
    private static string ToFixed(double value, int digits) =>
        value >= 1e21 || double.IsInfinity(value)
            ? JsSemantics.NumberToString(value)
            : value.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
