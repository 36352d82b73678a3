using Microsoft.EntityFrameworkCore;
using PmfBot.Bot.Cards;
using PmfBot.Bot.Publication;
using PmfBot.Bot.Status;
using PmfBot.Domain.Boards;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.People;
using PmfBot.Domain.RagRatings;
using PmfBot.Domain.Priorities;
using PmfBot.Domain.Ratings;
using PmfBot.Domain.Scorecards;
using PmfBot.Domain.Storage;

namespace PmfBot.Bot.Tabs;

/// <summary>
/// The channel tab a board pins: its scorecard for the quarter as the published pages show it (results once
/// submitted or signed off, ratings once decided), plus, for those who may read them (<see cref="UndecidedRatings"/>),
/// the proposals still waiting for the chair. In a scrutiny board's channel: every board's priorities and ratings.
/// </summary>
public sealed class BoardTab(PmfDbContext db, PublishedScorecards scorecards, TimeProvider clock)
{
    private static readonly string[] IndicatorColumns = ["Indicator", "Target", "Result", "RAG", "Since last period", "Commentary"];

    /// <returns>Null when there is no such board.</returns>
    public async Task<string?> RenderAsync(Guid boardId, Person viewer, CancellationToken cancellationToken)
    {
        var board = await db.Boards.AsNoTracking().Include(b => b.Members).SingleOrDefaultAsync(b => b.Id == boardId, cancellationToken);
        if (board is null)
        {
            return null;
        }

        var quarter = ResultText.CurrentQuarter(clock);
        var subtitle = $"{PublishedWords.PeriodName(quarter)} ({PublishedWords.Months(quarter)})";
        if (board.IsScrutiny)
        {
            var boards = (await db.Boards.AsNoTracking().Include(b => b.Members).ToListAsync(cancellationToken))
                .Where(b => b.OwnsPriorities).OrderBy(b => b.Name, StringComparer.Ordinal).ToList();
            var views = new List<(Board Board, PublishedScorecards.BoardView View)>();
            foreach (var owner in boards)
            {
                if (await scorecards.BoardAsync(owner.Id, quarter, cancellationToken) is { } view)
                {
                    views.Add((owner, view));
                }
            }

            var proposals = await ProposalsAsync(views.SelectMany(v => v.View.Priorities.Select(p => p.Priority.Priority)).ToList(), quarter, viewer, boards, cancellationToken);
            return TabHtml.Fragment($"{board.Name}: every board's priorities", subtitle, page => Scrutiny(page, views, proposals));
        }

        if (!board.OwnsPriorities)
        {
            return TabHtml.Fragment(board.Name, subtitle, page =>
                page.Element("p", "This board owns no priorities, so it has no scorecard. Ask PmfBot for “compliance” in chat for the compliance report."));
        }

        var scorecard = await scorecards.BoardAsync(board.Id, quarter, cancellationToken);
        var priorities = scorecard?.Priorities.Select(p => p.Priority.Priority).ToList() ?? [];
        var readable = await ProposalsAsync(priorities, quarter, viewer, [board], cancellationToken);
        return TabHtml.Fragment($"{board.Name} scorecard", $"{subtitle}. Chair: {scorecard?.ChairName}.", page => Scorecard(page, scorecard!, readable));
    }

    /// <summary>The quarter's proposals awaiting the chair that <paramref name="viewer"/> may read, by priority.</summary>
    private async Task<IReadOnlyDictionary<Guid, PriorityRating>> ProposalsAsync(
        IReadOnlyList<Priority> priorities, Period quarter, Person viewer, IReadOnlyList<Board> boards, CancellationToken cancellationToken)
    {
        var ids = priorities.Select(p => p.Id).ToList();
        var proposed = await db.Ratings.AsNoTracking()
            .Where(r => ids.Contains(r.PriorityId) && r.Period == quarter && r.State == RatingState.Proposed)
            .ToListAsync(cancellationToken);
        var byBoard = boards.ToDictionary(b => b.Id);
        var byId = priorities.ToDictionary(p => p.Id);
        return proposed
            .Where(r => byBoard.TryGetValue(byId[r.PriorityId].BoardId, out var board) && UndecidedRatings.MayRead(viewer, board, byId[r.PriorityId]))
            .ToDictionary(r => r.PriorityId);
    }

    private static void Scorecard(Html page, PublishedScorecards.BoardView view, IReadOnlyDictionary<Guid, PriorityRating> proposals)
    {
        if (view.Priorities.Count == 0)
        {
            page.Element("p", "This board owns no priorities yet.");
        }

        for (var i = 0; i < view.Priorities.Count; i++)
        {
            var section = view.Priorities[i];
            var line = section.Priority;
            page.Raw($"<section aria-labelledby=\"priority-{i + 1}\">\n<h2 id=\"priority-{i + 1}\">")
                .Element("span", line.Priority.Code, "code").Text(line.Priority.Title).Raw("</h2>\n<dl>\n")
                .Element("dt", "Lead officer").Element("dd", line.LeadOfficerName).Raw("\n<dt>Overall progress rating</dt><dd>");
            Rating(page, line, proposals.GetValueOrDefault(line.Priority.Id));
            page.Raw("</dd>\n</dl>\n");
            Indicators(page, $"{line.Priority.Code} indicators", section.Indicators);
            page.Raw("</section>\n");
        }
    }

    private static void Scrutiny(Html page, IReadOnlyList<(Board Board, PublishedScorecards.BoardView View)> views, IReadOnlyDictionary<Guid, PriorityRating> proposals)
    {
        if (views.Count == 0)
        {
            page.Element("p", "No board owns priorities yet.");
        }

        foreach (var (board, view) in views)
        {
            page.Raw("<section>\n").Element("h2", board.Name).Element("p", $"Chair: {view.ChairName}.", "muted");
            TabHtml.Table(page, $"{board.Name} priorities", ["Priority", "Lead officer", "Overall rating", "Indicators"],
                view.Priorities.Select<PublishedScorecards.BoardSection, Action<Html>>(section => row =>
                {
                    var line = section.Priority;
                    row.Raw("<th scope=\"row\">").Element("span", line.Priority.Code, "code").Text(line.Priority.Title).Raw("</th>")
                        .Element("td", line.LeadOfficerName).Raw("<td>");
                    Rating(row, line, proposals.GetValueOrDefault(line.Priority.Id));
                    // A result not yet published counts as no data, as on the published pages.
                    row.Raw("</td>").Element("td", ResultText.RagCounts(section.Indicators.Select(r => r.IsPublished ? r.Result.Rag : Rag.NoData).ToList()));
                }));
            page.Raw("</section>\n");
        }
    }

    private static void Rating(Html page, PublishedScorecards.PriorityLine line, PriorityRating? readableProposal)
    {
        TabHtml.Badge(page, line.Rating.Rag, PublishedWords.Rating(line.Rating));
        if (line.Rating.IsDecided)
        {
            page.Raw(" ").Element("span", PublishedWords.RatingStatus(line.Rating), "muted")
                .Raw("<br>").Element("span", line.Rating.Summary, "prose");
            if (line.Rating.AmendmentReason is { } reason)
            {
                page.Raw("<br>").Element("span", $"The board amended the proposed rating: {reason}", "prose");
            }
        }
        else if (readableProposal is { ProposedRag: { } proposed })
        {
            page.Raw("<br>").Text("Proposed by the lead officer: ");
            TabHtml.Badge(page, proposed, PublishedWords.RagName(proposed)).Raw(" ").Element("span", readableProposal.ProposedSummary, "prose");
        }
    }

    private static void Indicators(Html page, string caption, IReadOnlyList<PublishedResult> indicators)
    {
        if (indicators.Count == 0)
        {
            page.Element("p", "No indicators.", "muted");
            return;
        }

        TabHtml.Table(page, caption, IndicatorColumns, indicators.Select<PublishedResult, Action<Html>>(result => row =>
        {
            var r = result.Result;
            row.Raw("<th scope=\"row\">").Element("span", r.Indicator.Code, "code").Text(r.Indicator.Title).Raw("</th>")
                .Element("td", PublishedWords.Target(result))
                .Element("td", PublishedWords.Result(result), r.Value is null ? null : "num")
                .Raw("<td>");
            if (result.IsPublished)
            {
                TabHtml.Badge(row, r.Rag, PublishedWords.RagName(r.Rag));
            }

            row.Raw("</td>")
                .Element("td", result.IsPublished && r.Travel.AgainstPreviousPeriod is { } t ? $"{PublishedWords.TravelArrow(t)} {PublishedWords.TravelName(t)}" : "", "travel")
                .Element("td", result.IsPublished ? r.Return?.Commentary ?? "" : "", "prose");
        }));
    }
}
