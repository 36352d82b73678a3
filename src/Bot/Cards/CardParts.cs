using PmfBot.Domain.BoardActions;
using PmfBot.Domain.Exceptions;
using PmfBot.Domain.RagRatings;
using PmfBot.Domain.Travel;

namespace PmfBot.Bot.Cards;

/// <summary>A coloured word on a card: the colour never carries the meaning alone.</summary>
public sealed record Badge(string Label, string Color)
{
    public static Badge Of(Rag rag) => rag switch
    {
        Rag.Green => new("Green", "good"),
        Rag.Amber => new("Amber", "warning"),
        Rag.Red => new("Red", "attention"),
        Rag.NoTarget => new("No target", "default"),
        _ => new("No data", "default"),
    };

    public static Badge Of(DirectionOfTravel travel) => travel switch
    {
        DirectionOfTravel.Improving => new("↑ Improving", "good"),
        DirectionOfTravel.NoChange => new("→ No change", "default"),
        DirectionOfTravel.Worsening => new("↓ Worsening", "attention"),
        _ => new("– Not comparable", "default"),
    };

    public static Badge Of(ActionStatus status) => status switch
    {
        ActionStatus.NotStarted => new("Not started", "warning"),
        ActionStatus.OnTrack => new("On track", "good"),
        ActionStatus.Delayed => new("Delayed", "attention"),
        _ => new("Complete", "good"),
    };

    public static Badge OfRisk(int residualScore) => residualScore >= Domain.Risks.RiskAndPerformance.HighResidualScore
        ? new("High risk", "attention")
        : residualScore >= 3 ? new("Medium risk", "warning") : new("Low risk", "good");

    public static Badge Of(ExceptionKind kind) => kind switch
    {
        ExceptionKind.BeyondToleranceBelow => new("Red: worse than target beyond tolerance", "attention"),
        ExceptionKind.BeyondToleranceAbove => new("Better than target beyond tolerance: is the target too easy?", "accent"),
        ExceptionKind.Red => new("Rated red by override", "attention"),
        ExceptionKind.WorseningTwoPeriods => new("Worse for two periods running", "warning"),
        _ => new("Missing return", "attention"),
    };
}

/// <summary>The banner at the top of an interactive card; hidden when its text is empty.</summary>
public sealed record Notice(string Text, string Color)
{
    public static Notice None { get; } = new("", "default");

    public static Notice Good(string text) => new(text, "good");

    public static Notice Warning(string text) => new(text, "warning");

    public static Notice Attention(string text) => new(text, "attention");
}

/// <summary>Page numbers as the templates want them (1-based, no arithmetic in the template).</summary>
public sealed record Paging(int Page, int PageCount, int PreviousPage, int NextPage, string PageText)
{
    public static (Paging Paging, IReadOnlyList<T> Items) Of<T>(IReadOnlyList<T> all, int page, int pageSize, string noun)
    {
        var pageCount = Math.Max(1, (all.Count + pageSize - 1) / pageSize);
        var current = Math.Clamp(page, 1, pageCount);
        var items = all.Skip((current - 1) * pageSize).Take(pageSize).ToList();
        var text = pageCount == 1 ? "" : $"Page {current} of {pageCount} ({all.Count} {noun})";
        return (new Paging(current, pageCount, Math.Max(1, current - 1), Math.Min(pageCount, current + 1), text), items);
    }
}
