using System.Globalization;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Results;

namespace PmfBot.Bot.Status;

/// <summary>
/// An indicator's value against its target over periods, as Teams' <c>Chart.Line</c> draws it, and the
/// same figures in words for a client that cannot (the chart's fallback). Only periods with a value or a
/// target are drawn or told: nothing from before the indicator began, nothing decorative.
/// </summary>
/// <param name="Values">Oldest first; x is the period's last day (yyyy-MM-dd), which Teams reads as a date.</param>
public sealed record TrendChart(string Title, string YAxisTitle, IReadOnlyList<TrendChart.Point> Values, IReadOnlyList<TrendChart.Point> Targets, string Text)
{
    public sealed record Point(string X, decimal Y);

    public sealed record Row(Period Period, decimal? Value, decimal? Target);

    /// <summary>A result's trend (the last eight periods): its value against its target, period by period.</summary>
    public static TrendChart Of(IndicatorResult result) =>
        Of(result.Trend.Select(t => new Row(t.Period, t.Value, t.Target)), result.Indicator.Unit);

    public static TrendChart Of(IEnumerable<Row> oldestFirst, string unit)
    {
        var shown = oldestFirst.Where(r => r.Value is not null || r.Target is not null).ToList();
        if (shown.Count == 0)
        {
            return new("", ResultText.UnitText(unit), [], [], "No values or targets yet.");
        }

        return new(
            $"Value against target, {shown[0].Period.Label} to {shown[^1].Period.Label}",
            ResultText.UnitText(unit),
            shown.Where(r => r.Value is not null).Select(r => new Point(X(r.Period), Drawn(r.Value!.Value))).ToList(),
            shown.Where(r => r.Target is not null).Select(r => new Point(X(r.Period), Drawn(r.Target!.Value))).ToList(),
            string.Join("; ", shown.Select(r =>
                $"{r.Period.Label}: {(r.Value is { } v ? ResultText.Number(v, unit) : "no value")} ({(r.Target is { } t ? $"target {ResultText.Number(t, unit)}" : "no target")})")) + ".");
    }

    private static string X(Period period) => period.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Rounded as the words round it (two places), so the chart and its fallback show the same figure.</summary>
    private static decimal Drawn(decimal value) =>
        decimal.Parse(Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
