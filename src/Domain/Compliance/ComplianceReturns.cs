using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.Storage;

namespace PmfBot.Domain.Compliance;

/// <summary>
/// Every return owed for a period ending in the quarter, one line each with its indicator, owner
/// and directorate, classified by <see cref="ComplianceRule"/>: the detail behind
/// <see cref="ComplianceForPeriod"/>'s counts, so Governance and Audit can see whose returns they are.
/// </summary>
public static class ComplianceReturns
{
    public sealed record Line(string Code, Guid OwnerId, string OwnerName, Guid? DirectorateId, string DirectorateName, DateOnly DueDate, ReturnCompliance Status);

    /// <param name="directorateId">One directorate, or null for all.</param>
    public static async Task<IReadOnlyList<Line>> LoadAsync(
        PmfDbContext db, Period quarter, Guid? directorateId, DateOnly today, CancellationToken cancellationToken)
    {
        var periods = Enum.GetValues<Frequency>().SelectMany(f => ReportingPeriods.EndingWithin(f, quarter)).ToList();
        var rows = await db.Returns.AsNoTracking()
            .Where(r => periods.Contains(r.Period) && (directorateId == null || r.Indicator.DirectorateId == directorateId))
            .Join(db.People, r => r.Indicator.OwnerId, p => p.Id, (r, p) => new
            {
                r.Indicator.Code, OwnerId = p.Id, Owner = p.Name, r.Indicator.DirectorateId, r.DueDate, r.SubmittedAt,
            })
            .ToListAsync(cancellationToken);
        var directorates = await db.Directorates.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);
        return rows.Select(r => new Line(
                r.Code,
                r.OwnerId,
                r.Owner,
                r.DirectorateId,
                r.DirectorateId is { } id ? directorates.GetValueOrDefault(id, "No directorate") : "No directorate",
                r.DueDate,
                ComplianceRule.Classify(r.DueDate, r.SubmittedAt, today)))
            .OrderBy(l => l.Code, StringComparer.Ordinal)
            .ToList();
    }
}
