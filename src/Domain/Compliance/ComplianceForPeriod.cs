using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.Storage;

namespace PmfBot.Domain.Compliance;

/// <summary>
/// Compliance with the reporting arrangements for a quarter (for Governance and Audit): every
/// return owed for a period ending in the quarter, on time, late, missing or not yet due, by
/// directorate and by owner.
/// </summary>
public sealed class ComplianceForPeriod(PmfDbContext db, TimeProvider clock)
{
    public async Task<ComplianceReport> LoadAsync(Period quarter, CancellationToken cancellationToken = default)
    {
        var today = UkTime.Today(clock);
        var periods = Enum.GetValues<Frequency>().SelectMany(f => ReportingPeriods.EndingWithin(f, quarter)).ToList();
        var rows = await db.Returns.AsNoTracking()
            .Where(r => periods.Contains(r.Period))
            .Join(db.People, r => r.Indicator.OwnerId, p => p.Id, (r, p) => new { r.DueDate, r.SubmittedAt, Owner = p.Name, r.Indicator.DirectorateId })
            .ToListAsync(cancellationToken);
        var directorates = await db.Directorates.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);
        return ComplianceRule.Summarise(rows.Select(r => new ComplianceEntry(
            r.DirectorateId is { } id ? directorates.GetValueOrDefault(id, "No directorate") : "No directorate",
            r.Owner,
            ComplianceRule.Classify(r.DueDate, r.SubmittedAt, today))));
    }
}
