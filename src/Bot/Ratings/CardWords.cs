using System.Globalization;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.RagRatings;
using PmfBot.Domain.Results;

namespace PmfBot.Bot.Ratings;

/// <summary>Display-ready words for the ratings, action and self-assessment cards (UK dates, figures with units).</summary>
internal static class CardWords
{
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    /// <summary>"24 Nov 2025", the UK date of an instant.</summary>
    public static string ShortDate(DateTimeOffset at) => ShortDate(UkTime.DateOf(at));

    public static string ShortDate(DateOnly date) => date.ToString("d MMM yyyy", English);

    /// <summary>"Wednesday 26 November 2025".</summary>
    public static string LongDate(DateOnly date) => date.ToString("dddd d MMMM yyyy", English);

    /// <summary>"31 January 2026".</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", English);

    /// <summary>"16:20", UK time.</summary>
    public static string Time(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, UkTime.Zone).ToString("HH:mm", English);

    public static string Number(decimal value, string unit)
    {
        var text = value.ToString("#,0.####", English);
        return unit switch
        {
            "" => text,
            "%" => text + "%",
            _ => $"{text} {unit}",
        };
    }

    public static string ValueOf(IndicatorResult result) => result switch
    {
        { Return.NotAvailableReason: { Length: > 0 } } => "Not available",
        { Value: { } value } => Number(value, result.Indicator.Unit),
        _ => "No data",
    };

    /// <summary>"80% (amber from 76%)" or "no target this period".</summary>
    public static string TargetOf(IndicatorResult result)
    {
        if (result.Target is not { } target)
        {
            return "no target this period";
        }

        var unit = result.Indicator.Unit;
        var tolerance = result.Indicator.Tolerance.For(target);
        if (tolerance == 0)
        {
            return Number(target, unit);
        }

        var amberFrom = result.Indicator.Polarity == Polarity.HigherIsBetter ? target - tolerance : target + tolerance;
        return $"{Number(target, unit)} (amber from {Number(amberFrom, unit)})";
    }

    /// <summary>"8 indicators: 3 green, 2 amber, 2 red, 1 no data".</summary>
    public static string Results(IReadOnlyCollection<IndicatorResult> results)
    {
        if (results.Count == 0)
        {
            return "No indicators yet.";
        }

        var parts = new (Rag Rag, string Word)[] { (Rag.Green, "green"), (Rag.Amber, "amber"), (Rag.Red, "red"), (Rag.NoTarget, "no target"), (Rag.NoData, "no data") }
            .Select(p => (Count: results.Count(r => r.Rag == p.Rag), p.Word))
            .Where(p => p.Count > 0)
            .Select(p => $"{p.Count} {p.Word}");
        return $"{Plural(results.Count, "indicator", "indicators")}: {string.Join(", ", parts)}";
    }

    public static string Plural(int count, string one, string many) => $"{count} {(count == 1 ? one : many)}";
}
