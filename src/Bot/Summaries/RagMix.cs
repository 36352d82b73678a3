using PmfBot.Bot.Cards;
using PmfBot.Domain.RagRatings;

namespace PmfBot.Bot.Summaries;

/// <summary>
/// A RAG mix as Teams' charts draw it (a donut for a board, stacked bars for scrutiny): counts of real
/// ratings, in the council's RAG colours with their names in words, and only the ratings that occur.
/// Each chart carries the same counts as text for its fallback.
/// </summary>
public static class RagMix
{
    public sealed record Slice(string Legend, int Value, string Color);

    /// <summary>Board summary: the board's indicators by RAG (<c>Chart.Donut</c>).</summary>
    public sealed record Donut(string Title, IReadOnlyList<Slice> Slices, string Text);

    /// <summary>One board's bar in the scrutiny summary; <see cref="Text"/> is its fallback line.</summary>
    public sealed record Bar(string Title, IReadOnlyList<Slice> Slices, string Text);

    /// <summary>Scrutiny summary: each board's priorities by final rating (<c>Chart.HorizontalBar.Stacked</c>).</summary>
    public sealed record Bars(string Title, IReadOnlyList<Bar> Boards);

    private static readonly Rag[] Order = [Rag.Green, Rag.Amber, Rag.Red, Rag.NoData, Rag.NoTarget];

    /// <summary>Indicators' RAG: Green, Amber, Red, No data, No target.</summary>
    public static IReadOnlyList<Slice> Of(IReadOnlyCollection<Rag> rags) =>
        Order.Select(rag => new Slice(Badge.Of(rag).Label, rags.Count(r => r == rag), ChartColor(rag))).Where(s => s.Value > 0).ToList();

    /// <summary>Priorities' final ratings; a priority not yet decided is "Not yet rated".</summary>
    public static IReadOnlyList<Slice> OfRatings(IReadOnlyCollection<Rag?> finals) =>
        Of(finals.OfType<Rag>().ToList())
            .Append(new Slice("Not yet rated", finals.Count(r => r is null), "neutral"))
            .Where(s => s.Value > 0).ToList();

    /// <summary>The badge colours (docs/cards.md) in Teams' chart colour names; "default" has none, so no data is neutral.</summary>
    private static string ChartColor(Rag rag) => rag switch
    {
        Rag.Green => "good",
        Rag.Amber => "warning",
        Rag.Red => "attention",
        Rag.NoTarget => "divergingGray",
        _ => "neutral",
    };
}
