using PmfBot.Bot.Cards;
using PmfBot.Domain.RagRatings;
using PmfBot.Domain.Results;

namespace PmfBot.Bot.Ratings;

/// <summary>Results as the ratings, action and self-assessment cards word them (formatting is <see cref="CardText"/>'s).</summary>
internal static class CardWords
{
    public static string ValueOf(IndicatorResult result) => result switch
    {
        { Return.NotAvailableReason: { Length: > 0 } } => "Not available",
        { Value: { } value } => CardText.Value(value, result.Indicator.Unit),
        _ => "No data",
    };

    /// <summary>"80% (amber from 76%)" or "no target this period".</summary>
    public static string TargetOf(IndicatorResult result) => CardText.Target(result.Target, result.Indicator);

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
        return $"{CardText.Plural(results.Count, "indicator", "indicators")}: {string.Join(", ", parts)}";
    }

}
