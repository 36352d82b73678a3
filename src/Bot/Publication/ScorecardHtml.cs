using PmfBot.Domain.Calendar;
using PmfBot.Domain.RagRatings;
using PmfBot.Domain.Scorecards;
using PmfBot.Domain.Travel;

namespace PmfBot.Bot.Publication;

/// <summary>The published pages' content: board and directorate scorecards, the index, and problems.</summary>
public static class ScorecardHtml
{
    private static readonly string[] IndicatorColumns =
        ["Indicator", "Period", "Target", "Result", "RAG", "Since last period", "Since same period last year", "Commentary"];

    public static void Board(Html page, PublishedScorecards.BoardView view, string csvAddress)
    {
        var quarter = view.Quarter;
        page.Raw("<p>").Text($"Performance scorecard for {PublishedWords.PeriodName(quarter)} ({PublishedWords.Months(quarter)}). Chair: {view.ChairName}.").Raw("</p>\n");
        Navigation(page, quarter, csvAddress);
        if (view.Priorities.Count == 0)
        {
            page.Element("p", "This board owns no priorities.");
        }

        for (var i = 0; i < view.Priorities.Count; i++)
        {
            var section = view.Priorities[i];
            var line = section.Priority;
            var heading = $"priority-{i + 1}";
            page.Raw($"<section aria-labelledby=\"{heading}\">\n<h2 id=\"{heading}\">")
                .Element("span", line.Priority.Code, "code").Text(line.Priority.Title).Raw("</h2>\n<dl>\n");
            if (!string.IsNullOrWhiteSpace(line.Priority.Outcome))
            {
                page.Element("dt", "Outcome").Element("dd", line.Priority.Outcome).Raw("\n");
            }

            page.Element("dt", "Lead officer").Element("dd", line.LeadOfficerName).Raw("\n");
            Rating(page, line.Rating);
            page.Raw("</dl>\n");
            IndicatorTable(page, $"{line.Priority.Code} indicators, {PublishedWords.PeriodName(quarter)}", section.Indicators);
            page.Raw("</section>\n");
        }
    }

    public static void Directorate(Html page, PublishedScorecards.DirectorateView view, string csvAddress)
    {
        var quarter = view.Quarter;
        page.Raw("<p>").Text($"Directorate scorecard for {PublishedWords.PeriodName(quarter)} ({PublishedWords.Months(quarter)})."
            + (view.DirectorName is { Length: > 0 } director ? $" Director: {director}." : "")).Raw("</p>\n");
        Navigation(page, quarter, csvAddress);

        page.Raw("<section aria-labelledby=\"priorities\">\n<h2 id=\"priorities\">Priorities</h2>\n");
        if (view.Priorities.Count == 0)
        {
            page.Element("p", "This directorate leads no priorities.");
        }
        else
        {
            page.Raw("<table>\n").Element("caption", $"{view.Directorate.Name} priorities and overall ratings, {PublishedWords.PeriodName(quarter)}")
                .Raw("\n<thead><tr>");
            foreach (var column in new[] { "Priority", "Board", "Lead officer", "Overall rating", "Summary" })
            {
                page.Raw("<th scope=\"col\">").Text(column).Raw("</th>");
            }

            page.Raw("</tr></thead>\n<tbody>\n");
            foreach (var line in view.Priorities)
            {
                page.Raw("<tr><th scope=\"row\">").Element("span", line.Priority.Code, "code").Text(line.Priority.Title).Raw("</th>")
                    .Element("td", line.BoardName).Element("td", line.LeadOfficerName)
                    .Raw("<td>");
                RatingBadge(page, line.Rating);
                if (line.Rating.IsDecided)
                {
                    page.Raw("<br>").Element("span", PublishedWords.RatingStatus(line.Rating), "muted");
                }

                page.Raw("</td>");
                Summary(page.Raw("<td>"), line.Rating).Raw("</td></tr>\n");
            }

            page.Raw("</tbody>\n</table>\n");
        }

        page.Raw("</section>\n<section aria-labelledby=\"indicators\">\n<h2 id=\"indicators\">Key indicators</h2>\n");
        IndicatorTable(page, $"{view.Directorate.Name} key indicators, {PublishedWords.PeriodName(quarter)}", view.Indicators);
        page.Raw("</section>\n<section aria-labelledby=\"self-assessment\">\n<h2 id=\"self-assessment\">Self assessment</h2>\n");
        page.Element("p", view.SelfAssessment ?? "No other concerns were raised this quarter.", view.SelfAssessment is null ? "muted" : "prose");
        page.Raw("\n</section>\n");
    }

    /// <summary>The quarter's boards and directorates, and the other quarters published.</summary>
    public static void Index(Html page, PublishedScorecards.Contents contents, Period? quarter, Func<Guid, string> boardSlug, Func<Guid, string> directorateSlug)
    {
        // Quarters newer than the one shown that wait for release are named, never linked.
        foreach (var waiting in contents.AwaitingRelease.Where(q => quarter is not { } s || q.CompareTo(s) > 0))
        {
            page.Element("p", PublishedWords.NotReleasedYet(waiting), "muted");
        }

        if (quarter is not { } shown)
        {
            page.Element("p", "Nothing has been published yet. Scorecards appear here once the performance team has released a quarter.");
            return;
        }

        page.Raw("<p>").Text($"Scorecards for {PublishedWords.PeriodName(shown)} ({PublishedWords.Months(shown)}).").Raw("</p>\n");
        page.Raw("<section aria-labelledby=\"boards\">\n<h2 id=\"boards\">Boards</h2>\n<ul>\n");
        foreach (var board in contents.Boards)
        {
            var slug = boardSlug(board.Id);
            page.Raw("<li>").Link(PublishedAddresses.Board(shown, slug), board.Name).Text(" (")
                .Link(PublishedAddresses.Board(shown, slug, csv: true), "CSV").Text(")").Raw("</li>\n");
        }

        page.Raw("</ul>\n</section>\n<section aria-labelledby=\"directorates\">\n<h2 id=\"directorates\">Directorates</h2>\n<ul>\n");
        foreach (var directorate in contents.Directorates)
        {
            var slug = directorateSlug(directorate.Id);
            page.Raw("<li>").Link(PublishedAddresses.Directorate(shown, slug), directorate.Name).Text(" (")
                .Link(PublishedAddresses.Directorate(shown, slug, csv: true), "CSV").Text(")").Raw("</li>\n");
        }

        page.Raw("</ul>\n</section>\n<section aria-labelledby=\"quarters\">\n<h2 id=\"quarters\">Other quarters</h2>\n<ul>\n");
        foreach (var other in contents.Quarters.Where(q => q != shown))
        {
            page.Raw("<li>").Link(PublishedAddresses.Index(other), PublishedWords.PeriodName(other)).Raw("</li>\n");
        }

        page.Raw("</ul>\n</section>\n");
    }

    public static void Problem(Html page, string message)
    {
        page.Element("p", message).Raw("\n<p>").Link(PublishedAddresses.Root, "See every published scorecard").Raw("</p>\n");
    }

    private static void Navigation(Html page, Period quarter, string csvAddress)
    {
        page.Raw("<nav aria-label=\"Scorecard links\"><p>").Link(PublishedAddresses.Index(quarter), "All scorecards for this quarter")
            .Text(" · ").Link(csvAddress, "Download this scorecard as CSV").Raw("</p></nav>\n");
    }

    private static void Rating(Html page, PublishedRating rating)
    {
        page.Raw("<dt>Overall progress rating</dt><dd>");
        RatingBadge(page, rating);
        if (rating.IsDecided)
        {
            page.Text(" ").Element("span", PublishedWords.RatingStatus(rating), "muted").Raw("</dd>\n");
            Summary(page.Raw("<dt>Summary</dt><dd>"), rating);
        }

        page.Raw("</dd>\n");
    }

    private static Html Summary(Html page, PublishedRating rating)
    {
        page.Element("span", rating.Summary ?? "", "prose");
        if (rating.AmendmentReason is { } reason)
        {
            page.Raw("<br>").Element("span", $"The board amended the proposed rating: {reason}", "prose");
        }

        return page;
    }

    private static void RatingBadge(Html page, PublishedRating rating) =>
        page.Element("span", PublishedWords.Rating(rating), "rag " + RagClass(rating.Rag));

    private static void IndicatorTable(Html page, string caption, IReadOnlyList<PublishedResult> indicators)
    {
        if (indicators.Count == 0)
        {
            page.Element("p", "No indicators.", "muted").Raw("\n");
            return;
        }

        page.Raw("<table>\n").Element("caption", caption).Raw("\n<thead><tr>");
        foreach (var column in IndicatorColumns)
        {
            page.Raw("<th scope=\"col\">").Text(column).Raw("</th>");
        }

        page.Raw("</tr></thead>\n<tbody>\n");
        foreach (var result in indicators)
        {
            var r = result.Result;
            page.Raw("<tr><th scope=\"row\">").Element("span", r.Indicator.Code, "code").Text(r.Indicator.Title).Raw("</th>")
                .Element("td", PublishedWords.PeriodName(r.Period))
                .Element("td", PublishedWords.Target(result))
                .Element("td", PublishedWords.Result(result), result.Result.Value is null ? null : "num")
                .Raw("<td>");
            if (result.IsPublished)
            {
                page.Element("span", PublishedWords.RagName(r.Rag), "rag " + RagClass(r.Rag));
            }

            page.Raw("</td>");
            Travel(page, result.IsPublished ? r.Travel.AgainstPreviousPeriod : null);
            Travel(page, result.IsPublished ? r.Travel.AgainstSamePeriodLastYear : null);
            page.Element("td", result.IsPublished ? Commentary(result) : "", "prose").Raw("</tr>\n");
        }

        page.Raw("</tbody>\n</table>\n");
    }

    private static string Commentary(PublishedResult result) => result.Result.Return switch
    {
        { NotAvailableReason: { Length: > 0 } reason, Commentary: var commentary } => $"Not available: {reason}\n{commentary}".TrimEnd(),
        { Commentary: var commentary } => commentary ?? "",
        _ => "",
    };

    private static void Travel(Html page, DirectionOfTravel? travel)
    {
        page.Raw("<td class=\"travel\">");
        if (travel is { } t)
        {
            page.Text($"{PublishedWords.TravelArrow(t)} {PublishedWords.TravelName(t)}");
        }

        page.Raw("</td>");
    }

    private static string RagClass(Rag? rag) => rag switch
    {
        Rag.Green => "rag-green",
        Rag.Amber => "rag-amber",
        Rag.Red => "rag-red",
        _ => "rag-none",
    };
}
