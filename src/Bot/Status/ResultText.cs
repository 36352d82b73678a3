using System.Globalization;
using PmfBot.Bot.Cards;
using PmfBot.Bot.Conversation;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Exceptions;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.RagRatings;
using PmfBot.Domain.Results;

namespace PmfBot.Bot.Status;

/// <summary>
/// How results read on the read-only cards (en-GB, UK time): values with their unit, targets
/// with their amber band, counts, dates. Templates do no formatting; this does it once.
/// </summary>
public static class ResultText
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The quarter a card is about: its periodKey, or the current quarter.</summary>
    public static Period QuarterOf(CardActionRequest request, TimeProvider clock) =>
        Period.TryParse(request.Text("periodKey"), out var period) && period.Kind == PeriodKind.Quarter
            ? period
            : CurrentQuarter(clock);

    public static Period CurrentQuarter(TimeProvider clock) => ReportingPeriods.Current(Frequency.Quarterly, UkTime.Today(clock));

    public static string Number(decimal value, string unit)
    {
        var text = value.ToString("#,0.##", English);
        return unit switch
        {
            "" or "number" => text,
            "%" => text + "%",
            _ when unit.StartsWith('£') => unit.Length == 1 ? "£" + text : $"£{text}{unit[1..]}",
            _ => $"{text} {unit}",
        };
    }

    public static string Value(IndicatorResult result) => result.Return switch
    {
        { HasAnswer: true, Value: { } value } => Number(value, result.Indicator.Unit),
        { HasAnswer: true } => "Not available",
        _ when result.IsLate => "Missing",
        _ => "No return yet",
    };

    public static string Target(decimal? target, Indicator indicator)
    {
        if (target is not { } t)
        {
            return "no target this period";
        }

        var band = RagRule.ToleranceFor(t, indicator.Tolerance);
        if (band == 0)
        {
            return Number(t, indicator.Unit);
        }

        return indicator.Polarity == Polarity.HigherIsBetter
            ? $"{Number(t, indicator.Unit)} (amber from {Number(t - band, indicator.Unit)})"
            : $"{Number(t, indicator.Unit)} (amber to {Number(t + band, indicator.Unit)})";
    }

    /// <summary>The eight-character text sparkline, for cards that do not draw a chart (exceptions).</summary>
    public static string Trend(IReadOnlyList<TrendPoint> trend) => TextTrend.Of(trend.Select(t => t.Value).ToList());

    /// <summary>"Percentage", "Number", "Days".</summary>
    public static string UnitText(string unit) => unit switch
    {
        "%" => "Percentage",
        "" or "number" => "Number",
        _ => char.ToUpperInvariant(unit[0]) + unit[1..],
    };

    public static string PolarityText(Polarity polarity) => polarity == Polarity.HigherIsBetter ? "Higher is better" : "Lower is better";

    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", English);

    public static string LongDate(DateOnly date) => date.ToString("dddd d MMMM yyyy", English);

    public static string Date(DateTimeOffset instant) => Date(UkTime.DateOf(instant));

    public static string DateTime(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, UkTime.Zone).ToString("d MMM yyyy HH:mm", English);

    public static string Plural(int count, string one, string many) => $"{count} {(count == 1 ? one : many)}";

    /// <summary>"8 indicators: 3 green, 2 amber, 2 red, 1 no data".</summary>
    public static string RagCounts(IReadOnlyCollection<Rag> rags)
    {
        var parts = new List<string>
        {
            $"{rags.Count(r => r == Rag.Green)} green",
            $"{rags.Count(r => r == Rag.Amber)} amber",
            $"{rags.Count(r => r == Rag.Red)} red",
        };
        var noData = rags.Count(r => r == Rag.NoData);
        var noTarget = rags.Count(r => r == Rag.NoTarget);
        if (noData > 0)
        {
            parts.Add($"{noData} no data");
        }

        if (noTarget > 0)
        {
            parts.Add($"{noTarget} no target");
        }

        return $"{Plural(rags.Count, "indicator", "indicators")}: {string.Join(", ", parts)}";
    }

    /// <summary>"Most serious" order (docs/cards.md): the kind, then how far from target, then code.</summary>
    public static int Seriousness(ExceptionKind kind) => kind switch
    {
        ExceptionKind.BeyondToleranceBelow => 0,
        ExceptionKind.Red => 1,
        ExceptionKind.Missing => 2,
        ExceptionKind.WorseningTwoPeriods => 3,
        _ => 4,
    };

    /// <summary>How far from target as a share of it: larger is further.</summary>
    public static decimal Distance(IndicatorResult result) =>
        result.Value is { } value && result.Target is { } target && target != 0 ? Math.Abs(value - target) / Math.Abs(target) : 0;

    public static IEnumerable<IndicatorResult> MostSeriousFirst(IEnumerable<IndicatorResult> results) =>
        results.Where(r => r.Exceptions.Count > 0)
            .OrderBy(r => r.Exceptions.Min(e => Seriousness(e.Kind)))
            .ThenByDescending(Distance)
            .ThenBy(r => r.Indicator.Code, StringComparer.Ordinal);

    public static ExceptionKind MostSeriousKind(IndicatorResult result) =>
        result.Exceptions.OrderBy(e => Seriousness(e.Kind)).First().Kind;

    /// <summary>"62.1% against a target of 80% (amber from 76%)" / "No return: due 14 Nov 2025".</summary>
    public static string Detail(IndicatorResult result) => result.Return switch
    {
        { HasAnswer: true, Value: { } value } => $"{Number(value, result.Indicator.Unit)} against a target of {Target(result.Target, result.Indicator)}",
        { HasAnswer: true } ret => $"Not available: {ret.NotAvailableReason}",
        { } ret => $"No return: due {Date(ret.DueDate)}, not yet submitted",
        _ => "No return for this period",
    };
}
