using AngleSharp.Dom;

namespace PmfBot.Bot.Tests.Publication.Support;

/// <summary>Reads a published scorecard page as a browser parsed it: sections, ratings and table rows.</summary>
public static class ScorecardReading
{
    /// <param name="Cells">Period, Target, Result, RAG, Since last period, Since same period last year, Commentary.</param>
    public sealed record Row(string Code, IReadOnlyList<string> Cells)
    {
        public string Result => Cells[2];

        public string Rag => Cells[3];

        public string Commentary => Cells[6];
    }

    public sealed record Section(string Code, string Rating, string? Summary, IReadOnlyList<Row> Rows);

    /// <summary>A board page's priority sections, in page order.</summary>
    public static IReadOnlyList<Section> Sections(IDocument page) =>
        page.QuerySelectorAll("main section[aria-labelledby^='priority-']").Select(section => new Section(
            section.QuerySelector("h2 .code")!.TextContent,
            section.QuerySelector("dd .rag")!.TextContent,
            section.QuerySelectorAll("dt").FirstOrDefault(dt => dt.TextContent == "Summary")?.NextElementSibling?.TextContent,
            Rows(section.QuerySelector("table")))).ToList();

    /// <summary>The rows of a table whose row headers start with a code.</summary>
    public static IReadOnlyList<Row> Rows(IElement? table) =>
        table is null
            ? []
            : table.QuerySelectorAll("tbody tr").Select(tr => new Row(
                tr.QuerySelector("th[scope=row] .code")!.TextContent,
                tr.QuerySelectorAll("td").Select(td => td.TextContent).ToList())).ToList();
}
