using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PmfBot.Bot.Cards;
using PmfBot.Bot.Ratings;
using PmfBot.Domain;
using PmfBot.Domain.BoardActions;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.People;
using PmfBot.Domain.Storage;

namespace PmfBot.Bot.BoardActions;

/// <summary>
/// The action progress card for a board action's owner: its status and a progress note for the
/// quarter. Public so the scheduler can send it each quarter. "my actions" pages through the
/// owner's open actions with it, one action a page.
/// </summary>
public sealed class ActionProgressCard(PmfDbContext db, CardRenderer renderer)
{
    public const string Kind = "action-progress-card";

    /// <summary>What the owner typed, echoed back beside the errors when nothing was saved.</summary>
    public sealed record Input(string Status, string Note, IReadOnlyDictionary<string, string> Errors);

    private sealed record Previous(string PeriodLabel, Badge Status, string ByText, string Note);

    private sealed record Errors(string Status, string Note);

    private sealed record Data(
        string ActionId,
        string PeriodKey,
        string PeriodLabel,
        string Version,
        string Title,
        string BoardName,
        string PriorityText,
        string RequestedText,
        string DueText,
        Badge Current,
        Notice Notice,
        IReadOnlyList<Previous> Previous,
        bool CanEdit,
        string Status,
        string Note,
        Errors Errors,
        int Page,
        int PageCount,
        int PreviousPage,
        int NextPage,
        string PageText);

    /// <summary>
    /// The owner's open actions (soonest due first), one a page; null when they own none.
    /// </summary>
    public async Task<JsonObject?> MineAsync(Person owner, Period period, int page, CancellationToken cancellationToken = default)
    {
        var open = await OpenActions.Of(db, owner.Id).Select(a => a.Id).ToListAsync(cancellationToken);
        if (open.Count == 0)
        {
            return null;
        }

        var (paging, ids) = Paging.Of(open, page, 1, "open actions");
        var pageText = open.Count == 1
            ? "The one open board action you own."
            : $"Open board action {paging.Page} of the {open.Count} you own, soonest due first.";
        return await RenderAsync(ids[0], period, owner, cancellationToken: cancellationToken, paging: paging with { PageText = pageText });
    }

    public async Task<JsonObject> RenderAsync(
        Guid actionId, Period period, Person viewer, Notice? notice = null, Input? input = null, CancellationToken cancellationToken = default, Paging? paging = null)
    {
        paging ??= new Paging(1, 1, 1, 1, "");
        var action = await db.BoardActions.AsNoTracking().Include(a => a.Progress)
            .SingleOrDefaultAsync(a => a.Id == actionId, cancellationToken)
            ?? throw new PmfRuleException("That board action no longer exists.");
        var boardName = await db.Boards.Where(b => b.Id == action.BoardId).Select(b => b.Name).SingleAsync(cancellationToken);
        var priority = action.PriorityId is { } priorityId
            ? await db.Priorities.AsNoTracking().Where(p => p.Id == priorityId).Select(p => p.Code + " " + p.Title).SingleOrDefaultAsync(cancellationToken)
            : null;
        var byIds = action.Progress.Select(p => p.ById).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => byIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var thisQuarter = action.Progress.FirstOrDefault(p => p.Period == period);
        var errors = input?.Errors ?? new Dictionary<string, string>();
        var data = new Data(
            action.Id.ToString(),
            period.Key,
            period.Label,
            action.Version.ToString(CultureInfo.InvariantCulture),
            action.Title,
            boardName,
            priority ?? "No priority",
            $"asked for at the {action.RequestedIn.Label} wash-up",
            CardText.Date(action.DueDate),
            Badge.Of(action.Status),
            notice ?? Notice.None,
            action.Progress.Where(p => p.Period != period).OrderByDescending(p => p.Period)
                .Select(p => new Previous(
                    p.Period.Label,
                    Badge.Of(p.Status),
                    $"{names.GetValueOrDefault(p.ById, "unknown")}, {CardText.ShortDate(p.At)}",
                    p.Note))
                .ToList(),
            viewer.Id == action.OwnerId || viewer.IsPerformanceTeam,
            input?.Status ?? thisQuarter?.Status.ToString() ?? "",
            input?.Note ?? thisQuarter?.Note ?? "",
            new Errors(errors.GetValueOrDefault("status", ""), errors.GetValueOrDefault("note", "")),
            paging.Page,
            paging.PageCount,
            paging.PreviousPage,
            paging.NextPage,
            paging.PageText);
        return renderer.Render(Kind, data);
    }
}
