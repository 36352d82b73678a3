using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Priorities;
using PmfBot.Domain.Risks;
using PmfBot.Domain.Storage;
using Col = PmfBot.Domain.Import.RiskColumns;

namespace PmfBot.Domain.Import;

/// <summary>
/// Imports a risk register. A risk is known by its priority and its words, so a re-import
/// updates its owner, levels and mitigation in place and never adds it twice; each change is
/// audited with who ran the import and the file. Risks the file does not have are left as they are.
/// </summary>
public sealed class RisksImport(PmfDbContext db, TimeProvider clock)
{
    private const string What = "a risk register";

    private sealed record Row(int Line, Priority Priority, string Title, Guid? OwnerId, RiskLevel ImpactBefore, RiskLevel LikelihoodBefore, RiskLevel ImpactAfter, RiskLevel LikelihoodAfter, string? Mitigation);

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

        var priorityIds = rows.Select(r => r.Priority.Id).Distinct().ToList();
        var stored = (await db.Risks.Where(r => priorityIds.Contains(r.PriorityId)).ToListAsync(cancellationToken))
            .GroupBy(r => KnownThings.Key(r.PriorityId, r.Title))
            .ToDictionary(g => g.Key, g => g.First());
        var audit = await ImportAudit.StartAsync(db, options, clock.GetUtcNow(), cancellationToken);
        var (created, updated, unchanged) = (0, 0, 0);
        foreach (var row in rows)
        {
            if (!stored.TryGetValue(KnownThings.Key(row.Priority.Id, row.Title), out var risk))
            {
                risk = new Risk(Guid.CreateVersion7(audit.Now), row.Priority.Id, row.Title, row.ImpactBefore, row.LikelihoodBefore, row.ImpactAfter, row.LikelihoodAfter)
                {
                    OwnerId = row.OwnerId,
                    Mitigation = row.Mitigation,
                };
                db.Risks.Add(risk);
                audit.Record("Risk", risk.Id, "created by import", null, Snapshot(risk));
                created++;
                continue;
            }

            var before = Snapshot(risk);
            risk.Reassess(row.ImpactBefore, row.LikelihoodBefore, row.ImpactAfter, row.LikelihoodAfter);
            risk.OwnerId = row.OwnerId ?? risk.OwnerId;
            risk.Mitigation = row.Mitigation ?? risk.Mitigation;
            var after = Snapshot(risk);
            if (after == before)
            {
                unchanged++;
            }
            else
            {
                audit.Record("Risk", risk.Id, "updated by import", before, after);
                updated++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return ImportResult.Done(ImportKind.Risks, $"risks: {new Tally(created, updated, unchanged)}");
    }

    private static string Snapshot(Risk r) => ImportAudit.Snapshot(new
    {
        r.Title,
        r.OwnerId,
        InherentImpact = r.InherentImpact.ToString(),
        InherentLikelihood = r.InherentLikelihood.ToString(),
        ResidualImpact = r.ResidualImpact.ToString(),
        ResidualLikelihood = r.ResidualLikelihood.ToString(),
        r.Mitigation,
    });

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
            var title = headings.Get(row, Col.Risk);
            var owner = known.Person(line, Col.OwnerEmail, headings.Get(row, Col.OwnerEmail), problems);
            RiskLevel? Level(string column)
            {
                var text = headings.Get(row, column);
                if (text.Length == 0)
                {
                    return null;
                }

                var (level, problem) = CellWords.ParseRiskLevel(text);
                if (problem is not null)
                {
                    problems.Add(new ImportProblem(line, column, problem));
                }

                return level;
            }

            var levels = (Level(Col.ImpactBefore), Level(Col.LikelihoodBefore), Level(Col.ImpactAfter), Level(Col.LikelihoodAfter));
            var mitigation = headings.Get(row, Col.Mitigation);
            if (title.Length > 300)
            {
                problems.Add(new ImportProblem(line, Col.Risk, $"the risk is {title.Length} characters long; the most is 300."));
            }

            if (mitigation.Length > 2000)
            {
                problems.Add(new ImportProblem(line, Col.Mitigation, $"the mitigation is {mitigation.Length} characters long; the most is 2000."));
            }

            if (priority is not null && title.Length > 0 && !seen.TryAdd(KnownThings.Key(priority.Id, title), line))
            {
                problems.Add(new ImportProblem(line, Col.Risk, $"this risk to {priority.Code} is already on line {seen[KnownThings.Key(priority.Id, title)]}: one row per risk."));
            }

            if (problems.Count == before && priority is not null && levels is ({ } ib, { } lb, { } ia, { } la))
            {
                rows.Add(new Row(line, priority, title, owner?.Id, ib, lb, ia, la, mitigation.Length == 0 ? null : mitigation));
            }
        }

        return rows;
    }
}
