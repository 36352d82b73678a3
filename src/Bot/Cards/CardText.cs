using System.Globalization;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.RagRatings;

namespace PmfBot.Bot.Cards;

/// <summary>
/// Numbers, values with their unit, targets with their amber band, dates and counts as every card
/// and page writes them (en-GB, UK time). Templates do no formatting; this does it once.
/// </summary>
public static class CardText
{
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>"1,234.57": thousands separated, at most two decimals.</summary>
    public static string Number(decimal value) => value.ToString("#,0.##", English);

    /// <summary>"78.4%", "£1,200", "£1.2m", "12 days".</summary>
    public static string Value(decimal value, string unit)
    {
        var text = Number(value);
        return unit switch
        {
            "" or "number" => text,
            "%" => text + "%",
            _ when unit.StartsWith('£') => $"£{text}{unit[1..]}",
            _ => $"{text} {unit}",
        };
    }

    /// <summary>"80% (amber from 76%)", "5 days (amber to 6 days)" or "no target this period".</summary>
    public static string Target(decimal? target, Indicator indicator)
    {
        if (target is not { } t)
        {
            return "no target this period";
        }

        var band = RagRule.ToleranceFor(t, indicator.Tolerance);
        if (band == 0)
        {
            return Value(t, indicator.Unit);
        }

        return indicator.Polarity == Domain.Indicators.Polarity.HigherIsBetter
            ? $"{Value(t, indicator.Unit)} (amber from {Value(t - band, indicator.Unit)})"
            : $"{Value(t, indicator.Unit)} (amber to {Value(t + band, indicator.Unit)})";
    }

    public static string Polarity(Domain.Indicators.Polarity polarity) => polarity == Domain.Indicators.Polarity.HigherIsBetter ? "Higher is better" : "Lower is better";

    /// <summary>"24 Nov 2025".</summary>
    public static string ShortDate(DateOnly date) => date.ToString("d MMM yyyy", English);

    /// <summary>"24 Nov 2025", the UK date of an instant.</summary>
    public static string ShortDate(DateTimeOffset at) => ShortDate(UkTime.DateOf(at));

    /// <summary>"31 January 2026".</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", English);

    /// <summary>"Wednesday 26 November 2025".</summary>
    public static string LongDate(DateOnly date) => date.ToString("dddd d MMMM yyyy", English);

    /// <summary>"24 Nov 2025 16:20", UK time.</summary>
    public static string DateTime(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, UkTime.Zone).ToString("d MMM yyyy HH:mm", English);

    /// <summary>"16:20", UK time.</summary>
    public static string Time(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, UkTime.Zone).ToString("HH:mm", English);

    /// <summary>"1 indicator", "3 indicators".</summary>
    public static string Plural(int count, string one, string many) => $"{count} {(count == 1 ? one : many)}";
}
