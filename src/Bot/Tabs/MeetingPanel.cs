using Microsoft.EntityFrameworkCore;
using PmfBot.Bot.Cards;
using PmfBot.Bot.Publication;
using PmfBot.Bot.Status;
using PmfBot.Domain.Boards;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.People;
using PmfBot.Domain.RagRatings;
using PmfBot.Domain.Ratings;
using PmfBot.Domain.Storage;
using PmfBot.Domain.Summaries;

namespace PmfBot.Bot.Tabs;

/// <summary>
/// The board meeting's side panel: the board's summary for the quarter (as the bot posts it to the board) and the
/// ratings waiting for the chair. Those who may read undecided ratings see the proposals; the chair decides them
/// here with the same form fields as the approval card (<see cref="MeetingDecision"/>).
/// </summary>
public sealed class MeetingPanel(PmfDbContext db, TimeProvider clock)
{
    public sealed record Form(string Decision, string AmendedRating, string Reason, string Comment, IReadOnlyDictionary<string, string> Errors)
    {
        public static readonly Form Empty = new("", "", "", "", new Dictionary<string, string>());
    }

    /// <returns>Null when there is no such board.</returns>
    public async Task<string?> RenderAsync(Guid boardId, Person viewer, string notice, string noticeKind, (Guid RatingId, Form Form)? typed, CancellationToken cancellationToken)
    {
        var board = await db.Boards.AsNoTracking().Include(b => b.Members).SingleOrDefaultAsync(b => b.Id == boardId, cancellationToken);
        if (board is null)
        {
            return null;
        }

        var today = UkTime.Today(clock);
        var quarter = ResultText.CurrentQuarter(clock);
        var views = await BoardResults.LoadAsync(db, board.IsScrutiny ? null : board.Id, quarter, today, cancellationToken);
        var waiting = board.OwnsPriorities
            ? await db.Ratings.AsNoTracking().Include(r => r.Priority)
                .Where(r => r.Priority.BoardId == board.Id && r.State == RatingState.Proposed)
                .OrderBy(r => r.Period).ThenBy(r => r.Priority.Code)
                .ToListAsync(cancellationToken)
            : [];

        return TabHtml.Fragment($"{board.Name}: board meeting", $"{PublishedWords.PeriodName(quarter)} ({PublishedWords.Months(quarter)})", page =>
        {
            TabHtml.Notice(page, notice, noticeKind);
            Summary(page, views);
            if (board.OwnsPriorities)
            {
                Waiting(page, board, viewer, waiting, typed);
            }
        });
    }

    private static void Summary(Html page, IReadOnlyList<BoardResults.BoardView> views)
    {
        page.Raw("<section aria-labelledby=\"summary\">\n<h2 id=\"summary\">Summary for the quarter</h2>\n");
        foreach (var view in views)
        {
            var finals = view.Priorities.Select(p => p.Rating?.FinalRag).ToList();
            var undecided = finals.Count(r => r is null);
            page.Raw("<p>").Text(views.Count > 1 ? $"{view.Board.Name}: " : "")
                .Text($"{CardText.Plural(view.Priorities.Count, "priority", "priorities")}: {finals.Count(r => r == Rag.Green)} green, "
                    + $"{finals.Count(r => r == Rag.Amber)} amber, {finals.Count(r => r == Rag.Red)} red"
                    + (undecided > 0 ? $", {undecided} not yet decided" : "")
                    + $". Board actions: {view.Actions.Open} open, {view.Actions.Delayed} delayed, {view.Actions.CompletedThisQuarter} completed this quarter.")
                .Raw("</p>\n");
            // A list, not a table: the side panel is about 320 pixels wide.
            page.Raw("<ul class=\"plain\" aria-label=\"").Attribute($"{view.Board.Name} priorities").Raw("\">\n");
            foreach (var p in view.Priorities)
            {
                page.Raw("<li>").Element("span", p.Priority.Code, "code").Element("strong", p.Priority.Title).Raw("<br>");
                TabHtml.Badge(page, p.Rating?.FinalRag, p.Rating?.FinalRag is { } rag ? $"Agreed: {PublishedWords.RagName(rag)}" : "Not yet decided")
                    .Raw(" ").Element("span", ResultText.RagCounts(p.Indicators.Select(i => i.Rag).ToList()), "muted").Raw("</li>\n");
            }

            page.Raw("</ul>\n");
        }

        page.Raw("</section>\n");
    }

    private static void Waiting(Html page, Board board, Person viewer, IReadOnlyList<PriorityRating> waiting, (Guid RatingId, Form Form)? typed)
    {
        page.Raw("<section aria-labelledby=\"waiting\">\n<h2 id=\"waiting\">Decisions waiting for the chair</h2>\n");
        var readable = waiting.Where(r => UndecidedRatings.MayRead(viewer, board, r.Priority)).ToList();
        if (waiting.Count == 0)
        {
            page.Element("p", "No proposed rating is waiting for the chair.");
        }
        else if (readable.Count == 0)
        {
            page.Element("p", $"{CardText.Plural(waiting.Count, "proposed rating waits", "proposed ratings wait")} for the chair's decision. The proposals are for the board to read.");
        }

        var isChair = board.ChairId == viewer.Id;
        foreach (var rating in readable)
        {
            var form = typed is { } t && t.RatingId == rating.Id ? t.Form : Form.Empty;
            page.Raw("<div class=\"decision\">\n").Raw("<h3>").Element("span", rating.Priority.Code, "code").Text(rating.Priority.Title).Raw("</h3>\n<p>")
                .Text($"{PublishedWords.PeriodName(rating.Period)}: the lead officer proposes ");
            TabHtml.Badge(page, rating.ProposedRag, rating.ProposedRag is { } rag ? PublishedWords.RagName(rag) : "").Raw("</p>\n")
                .Element("p", rating.ProposedSummary, "prose").Raw("\n");
            if (isChair)
            {
                DecisionForm(page, board, rating, form);
            }
            else
            {
                page.Element("p", "Waiting for the chair's decision.", "muted");
            }

            page.Raw("</div>\n");
        }

        page.Raw("</section>\n");
    }

    private static void DecisionForm(Html page, Board board, PriorityRating rating, Form form)
    {
        var id = rating.Id.ToString("N");
        page.Raw($"<form method=\"post\" data-tab-form action=\"").Attribute(TabAddresses.Decide(board.Id)).Raw("\">\n")
            .Raw("<input type=\"hidden\" name=\"ratingId\" value=\"").Attribute(rating.Id.ToString()).Raw("\">")
            .Raw("<input type=\"hidden\" name=\"version\" value=\"").Attribute(rating.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)).Raw("\">\n")
            .Raw("<button type=\"submit\" name=\"decision\" value=\"approve\">Approve</button>\n")
            .Raw("<fieldset><legend>Or amend the rating</legend>\n")
            .Raw($"<label for=\"rating-{id}\">The rating the board agrees</label><select id=\"rating-{id}\" name=\"amendedRating\"><option value=\"\">Choose…</option>");
        foreach (var rag in new[] { "Green", "Amber", "Red" })
        {
            page.Raw($"<option value=\"{rag}\"{(form.AmendedRating == rag ? " selected" : "")}>{rag}</option>");
        }

        page.Raw("</select>\n");
        FieldError(page, form, "amendedRating");
        page.Raw($"<label for=\"reason-{id}\">Why the board changes it</label><textarea id=\"reason-{id}\" name=\"reason\" maxlength=\"{PriorityRating.MaxSummaryLength}\">")
            .Text(form.Reason).Raw("</textarea>\n");
        FieldError(page, form, "reason");
        page.Raw("<button type=\"submit\" name=\"decision\" value=\"amend\">Amend</button></fieldset>\n")
            .Raw("<fieldset><legend>Or send it back to the lead officer</legend>\n")
            .Raw($"<label for=\"comment-{id}\">What to look at again</label><textarea id=\"comment-{id}\" name=\"comment\" maxlength=\"{PriorityRating.MaxSummaryLength}\">")
            .Text(form.Comment).Raw("</textarea>\n");
        FieldError(page, form, "comment");
        page.Raw("<button type=\"submit\" class=\"secondary\" name=\"decision\" value=\"sendBack\">Send back</button></fieldset>\n</form>\n");
    }

    private static void FieldError(Html page, Form form, string field)
    {
        if (form.Errors.TryGetValue(field, out var error))
        {
            page.Element("p", error, "error");
        }
    }
}
