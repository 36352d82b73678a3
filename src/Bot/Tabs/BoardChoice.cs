using Microsoft.EntityFrameworkCore;
using PmfBot.Bot.Publication;
using PmfBot.Domain.Boards;
using PmfBot.Domain.People;
using PmfBot.Domain.Storage;

namespace PmfBot.Bot.Tabs;

/// <summary>
/// The configuration page of the board tab: which board this channel or meeting is for. The board linked to the
/// channel ("link board") is chosen already; in a meeting, the first board the viewer chairs. Saving is Teams'
/// (the page's script hands Teams the board's tab address).
/// </summary>
public sealed class BoardChoice(PmfDbContext db)
{
    public async Task<string> RenderAsync(Person viewer, string? channelId, CancellationToken cancellationToken)
    {
        var boards = (await db.Boards.AsNoTracking().ToListAsync(cancellationToken))
            .Where(b => b.OwnsPriorities || b.IsScrutiny)
            .OrderBy(b => b.Name, StringComparer.Ordinal)
            .ToList();
        var chosen = boards.FirstOrDefault(b => channelId is { Length: > 0 } && b.Channel?.ChannelId == channelId)
            ?? boards.FirstOrDefault(b => b.ChairId == viewer.Id);

        return TabHtml.Fragment("Which board is this tab for?", "The tab shows the board's scorecard; in a board meeting, its summary and the decisions waiting.", page =>
        {
            if (boards.Count == 0)
            {
                page.Element("p", "PmfBot has no boards yet: the performance team imports them from the council's data list.");
                return;
            }

            page.Raw("<form data-tab-config>\n<label for=\"board\">Board</label>\n<select id=\"board\" name=\"board\">\n");
            if (chosen is null)
            {
                page.Raw("<option value=\"\">Choose a board…</option>\n");
            }

            foreach (var board in boards)
            {
                page.Raw("<option value=\"").Attribute(board.Id.ToString()).Raw(board == chosen ? "\" selected>" : "\">")
                    .Text(board.IsScrutiny ? $"{board.Name} (scrutiny)" : board.Name).Raw("</option>\n");
            }

            page.Raw("</select>\n</form>\n");
            if (channelId is { Length: > 0 } && boards.All(b => b.Channel?.ChannelId != channelId))
            {
                page.Element("p", "No board is linked to this channel yet, so its summaries are not posted here. The performance team can type “link board” in the channel.", "muted");
            }
        });
    }
}
