using Microsoft.EntityFrameworkCore;
using PmfBot.Bot.Cards;
using PmfBot.Bot.Publication;
using PmfBot.Bot.Status;
using PmfBot.Domain.BoardActions;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.People;
using PmfBot.Domain.Ratings;
using PmfBot.Domain.Returns;
using PmfBot.Domain.Storage;

namespace PmfBot.Bot.Tabs;

/// <summary>
/// The personal tab: the viewer's open returns (as "my returns" finds them: the indicators they own or collate),
/// their open board actions (as "my actions"), and the ratings waiting on them or on the boards they sit on.
/// Entering and deciding stay in chat and the meeting panel; this page says what is waiting and where.
/// </summary>
public sealed class PersonalTab(PmfDbContext db, TimeProvider clock)
{
    private static readonly ReturnState[] Unanswered = [ReturnState.Open, ReturnState.Draft, ReturnState.SentBack];

    public async Task<string> RenderAsync(Person viewer, CancellationToken cancellationToken)
    {
        var today = UkTime.Today(clock);
        var mine = db.AnsweredBy(viewer.Id);
        var returns = await db.Returns.AsNoTracking().Include(r => r.Indicator)
            .Where(r => mine.Contains(r.IndicatorId) && Unanswered.Contains(r.State))
            .ToListAsync(cancellationToken);
        var actions = await OpenActions.Of(db, viewer.Id).AsNoTracking().ToListAsync(cancellationToken);
        var boardNames = await db.Boards.AsNoTracking().ToDictionaryAsync(b => b.Id, b => b.Name, cancellationToken);
        var waiting = await WaitingDecisions.ForAsync(db, viewer, cancellationToken);

        return TabHtml.Fragment($"PmfBot for {viewer.Name}", $"Today is {CardText.ShortDate(today)}.", page =>
        {
            Returns(page, returns.OrderBy(r => r.DueDate).ThenBy(r => r.Indicator.Code, StringComparer.Ordinal).ToList(), today);
            Actions(page, actions, boardNames, today);
            Decisions(page, waiting);
        });
    }

    private static void Returns(Html page, IReadOnlyList<IndicatorReturn> returns, DateOnly today)
    {
        page.Raw("<section aria-labelledby=\"returns\">\n<h2 id=\"returns\">My returns</h2>\n");
        if (returns.Count == 0)
        {
            page.Element("p", "You have no returns to enter. PmfBot asks you in chat when a period you report for ends.");
        }
        else
        {
            page.Element("p", "Enter and submit them in chat with PmfBot: type “my returns”.");
            TabHtml.Table(page, "Returns still to submit", ["Indicator", "Period", "Due", "Where it is"], returns.Select<IndicatorReturn, Action<Html>>(r => row =>
                row.Raw("<th scope=\"row\">").Element("span", r.Indicator.Code, "code").Text(r.Indicator.Title).Raw("</th>")
                    .Element("td", PublishedWords.PeriodName(r.Period))
                    .Element("td", CardText.ShortDate(r.DueDate) + (r.DueDate < today ? " (late)" : ""))
                    .Element("td", Progress(r), "prose")));
        }

        page.Raw("</section>\n");
    }

    private static string Progress(IndicatorReturn r) => r.State switch
    {
        ReturnState.Draft => "Draft saved, not submitted",
        ReturnState.SentBack => $"Sent back to you: {r.SentBackComment}",
        _ => "Not started",
    };

    private static void Actions(Html page, IReadOnlyList<BoardAction> actions, IReadOnlyDictionary<Guid, string> boards, DateOnly today)
    {
        page.Raw("<section aria-labelledby=\"actions\">\n<h2 id=\"actions\">My actions</h2>\n");
        if (actions.Count == 0)
        {
            page.Element("p", "You own no board action that is still open.");
        }
        else
        {
            page.Element("p", "Report progress in chat with PmfBot: type “my actions”.");
            TabHtml.Table(page, "Board actions you own", ["Action", "Board", "Due", "Status"], actions.Select<BoardAction, Action<Html>>(a => row =>
                row.Raw("<th scope=\"row\">").Text(a.Title).Raw("</th>")
                    .Element("td", boards.GetValueOrDefault(a.BoardId, ""))
                    .Element("td", CardText.ShortDate(a.DueDate) + (a.DueDate < today ? " (overdue)" : ""))
                    .Element("td", ActionStatusName(a.Status))));
        }

        page.Raw("</section>\n");
    }

    private static string ActionStatusName(ActionStatus status) => status switch
    {
        ActionStatus.OnTrack => "On track",
        ActionStatus.Delayed => "Delayed",
        ActionStatus.Complete => "Complete",
        _ => "Not started",
    };

    private static void Decisions(Html page, IReadOnlyList<WaitingDecisions.Waiting> waiting)
    {
        page.Raw("<section aria-labelledby=\"decisions\">\n<h2 id=\"decisions\">Decisions waiting</h2>\n");
        if (waiting.Count == 0)
        {
            page.Element("p", "No overall rating is waiting for you or for a board you sit on.");
        }
        else
        {
            TabHtml.Table(page, "Overall ratings not yet decided", ["Priority", "Board", "Quarter", "Waiting for", "Proposal"], waiting.Select<WaitingDecisions.Waiting, Action<Html>>(w => row =>
            {
                row.Raw("<th scope=\"row\">").Element("span", w.Priority.Code, "code").Text(w.Priority.Title).Raw("</th>")
                    .Element("td", w.BoardName)
                    .Element("td", PublishedWords.PeriodName(w.Rating.Period))
                    .Element("td", w.WaitingFor)
                    .Raw("<td>");
                if (w.Rating is { State: RatingState.Proposed, ProposedRag: { } rag })
                {
                    TabHtml.Badge(row, rag, PublishedWords.RagName(rag)).Raw(" ").Element("span", w.Rating.ProposedSummary, "prose");
                }
                else if (w.Rating is { State: RatingState.SentBack, ChairComment: { } comment })
                {
                    row.Element("span", $"Sent back by the chair: {comment}", "prose");
                }

                row.Raw("</td>");
            }));
        }

        page.Raw("</section>\n");
    }
}
