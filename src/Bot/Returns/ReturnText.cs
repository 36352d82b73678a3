using System.Globalization;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.RagRatings;
using PmfBot.Domain.Returns;

namespace PmfBot.Bot.Returns;

/// <summary>Numbers, dates and targets as the return cards show them (en-GB, Europe/London).</summary>
internal static class ReturnText
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string Number(decimal value) => value.ToString("#,0.##", English);

    public static string Value(decimal value, string unit) => unit switch
    {
        "%" => Number(value) + "%",
        "" or "number" => Number(value),
        _ when unit.StartsWith('£') => "£" + Number(value) + unit[1..],
        _ => $"{Number(value)} {unit}",
    };

    public static string ValueOf(IndicatorReturn ret, string unit, bool withReason) => ret.Value is { } v
        ? Value(v, unit)
        : ret.NotAvailableReason is { } reason ? (withReason ? $"Not available: {reason}" : "Not available") : "No value";

    public static string Target(Indicator indicator, Period period)
    {
        if (indicator.TargetFor(period) is not { } target)
        {
            return "no target this period";
        }

        var d = RagRule.ToleranceFor(target, indicator.Tolerance);
        if (d == 0)
        {
            return Value(target, indicator.Unit);
        }

        return indicator.Polarity == Domain.Indicators.Polarity.HigherIsBetter
            ? $"{Value(target, indicator.Unit)} (amber from {Value(target - d, indicator.Unit)})"
            : $"{Value(target, indicator.Unit)} (amber to {Value(target + d, indicator.Unit)})";
    }

    public static string Polarity(Indicator indicator) =>
        indicator.Polarity == Domain.Indicators.Polarity.HigherIsBetter ? "Higher is better" : "Lower is better";

    public static string LongDate(DateOnly date) => date.ToString("dddd d MMMM yyyy", English);

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", English);

    public static string ShortDate(DateTimeOffset at) => UkTime.DateOf(at).ToString("d MMM yyyy", English);

    public static string Time(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, UkTime.Zone).ToString("HH:mm", English);

    public static string Plural(int n, string one, string many) => n == 1 ? $"{n} {one}" : $"{n} {many}";
}
