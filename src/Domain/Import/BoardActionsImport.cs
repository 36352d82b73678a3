using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.BoardActions;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.Priorities;
using PmfBot.Domain.Storage;
using Col = PmfBot.Domain.Import.BoardActionColumns;

namespace PmfBot.Domain.Import;

/// <summary>
/// Imports a board action tracker. An action is known by its priority and its words, so a
/// re-import updates its owner, due date and status in place and never adds it twice. Actions
/// the file does not have are left as they are: the tracker may list only the open ones.
/// </summary>
public sealed class BoardActionsImport(PmfDbContext db, TimeProvider clock)
{
    private const string What = "a board action tracker";

    private sealed record Row(int Line, Priority Priority, string Title, Guid OwnerId, DateOnly Due, ActionStatus Status);

    public async Task<ImportResult> ImportAsync(Sheet sheet, ImportOptions options, CancellationToken cancellationToken = default)
    {
        var problems = new List<ImportProblem>(sheet.Problems);
        var headings = Headings.Read(sheet, Col.All, What, problems);
        if (problems.Count > 0)
        {
            return ImportResult.Rejected([.. problems.OrderBy(p => p.Line)]);
        }

        var known = await KnownThings.LoadAsync(db, cancellationToken);
        var rows = Check(sheet, headings, known, problems);
        if (problems.Count > 0)
        {
            return ImportResult.Rejected([.. problems.OrderBy(p => p.Line)]);
        }

        var priorityIds = rows.Select(r => (Guid?)r.Priority.Id).Distinct().ToList();
        var stored = (await db.BoardActions.Where(a => priorityIds.Contains(a.PriorityId)).ToListAsync(cancellationToken))
            .GroupBy(a => KnownThings.Key(a.PriorityId!.Value, a.Title))
            .ToDictionary(g => g.Key, g => g.First());
        var audit = await ImportAudit.StartAsync(db, options, clock.GetUtcNow(), cancellationToken);
        var requestedIn = ReportingPeriods.Current(Frequency.Quarterly, UkTime.Today(clock));
        var (created, updated, unchanged) = (0, 0, 0);
        foreach (var row in rows)
        {
            if (!stored.TryGetValue(KnownThings.Key(row.Priority.Id, row.Title), out var action))
            {
                db.BoardActions.Add(BoardAction.Request(row.Priority.BoardId, row.Priority.Id, row.Title, row.OwnerId, row.Due, requestedIn, audit.Actor, audit.Now, row.Status));
                created++;
            }
            else if (action.OwnerId == row.OwnerId && action.DueDate == row.Due && action.Status == row.Status)
            {
                unchanged++;
            }
            else
            {
                action.Revise(row.OwnerId, row.Due, row.Status, audit.Actor, "updated by import", audit.Now);
                updated++;
            }
        }

        audit.NameFileOnQueuedLines();
        await db.SaveChangesAsync(cancellationToken);
        return ImportResult.Done(ImportKind.BoardActions, $"board actions: {new Tally(created, updated, unchanged)}");
    }

    private static List<Row> Check(Sheet sheet, Headings headings, KnownThings known, List<ImportProblem> problems)
    {
        var rows = new List<Row>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in sheet.Rows)
        {
            var line = row.Line;
            var before = problems.Count;
            headings.RequireCells(row, Col.All, problems);
            var priority = known.Priority(line, Col.PriorityCode, headings.Get(row, Col.PriorityCode), problems);
            var title = headings.Get(row, Col.Action);
            var owner = known.Person(line, Col.OwnerEmail, headings.Get(row, Col.OwnerEmail), problems);
            var dueText = headings.Get(row, Col.DueDate);
            var due = dueText.Length == 0 ? null : Parsed(line, Col.DueDate, CellWords.ParseDate(dueText), problems);
            var statusText = headings.Get(row, Col.Status);
            var status = statusText.Length == 0 ? ActionStatus.NotStarted : Parsed(line, Col.Status, CellWords.ParseActionStatus(statusText), problems);
            if (title.Length > 500)
            {
                problems.Add(new ImportProblem(line, Col.Action, $"the action is {title.Length} characters long; the most is 500."));
            }

            if (priority is not null && title.Length > 0 && !seen.TryAdd(KnownThings.Key(priority.Id, title), line))
            {
                problems.Add(new ImportProblem(line, Col.Action, $"this action for {priority.Code} is already on line {seen[KnownThings.Key(priority.Id, title)]}: one row per action."));
            }

            if (problems.Count == before && priority is not null && owner is not null && due is { } d && status is { } s)
            {
                rows.Add(new Row(line, priority, title, owner.Id, d, s));
            }
        }

        return rows;
    }

    private static T? Parsed<T>(int line, string column, (T? Value, string? Problem) parsed, List<ImportProblem> problems)
        where T : struct
    {
        if (parsed.Problem is not null)
        {
            problems.Add(new ImportProblem(line, column, parsed.Problem));
        }

        return parsed.Value;
    }
}
