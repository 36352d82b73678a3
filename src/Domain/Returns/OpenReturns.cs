using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.Storage;

namespace PmfBot.Domain.Returns;

/// <summary>
/// When a period ends, opens a return for every indicator that reports for it (retired ones
/// excepted: the single data list no longer has them). Safe to run
/// again, and from two servers at once: indicators that already have a return for the period
/// are left alone.
/// </summary>
public sealed class OpenReturns(PmfDbContext db, ReturnCalendar calendar, TimeProvider clock)
{
    public async Task<int> OpenAsync(Period period, CancellationToken cancellationToken = default)
    {
        try
        {
            return await OpenUnopenedAsync(period, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another server opened some of them at the same moment: open what is still unopened.
            db.ChangeTracker.Clear();
            return await OpenUnopenedAsync(period, cancellationToken);
        }
    }

    private async Task<int> OpenUnopenedAsync(Period period, CancellationToken cancellationToken)
    {
        var indicators = await Unopened(period)
            .Include(i => i.Targets)
            .ToListAsync(cancellationToken);
        var due = calendar.WindowFor(period).Due;
        var now = clock.GetUtcNow();
        db.Returns.AddRange(indicators.Select(i => IndicatorReturn.Open(i, period, due, now)));
        await db.SaveChangesAsync(cancellationToken);
        return indicators.Count;
    }

    /// <summary>What <see cref="OpenAsync"/> would open, without opening it: each indicator and its owner.</summary>
    public async Task<IReadOnlyList<(Guid IndicatorId, Guid OwnerId)>> WouldOpenAsync(Period period, CancellationToken cancellationToken = default)
    {
        var rows = await Unopened(period).AsNoTracking().Select(i => new { i.Id, i.OwnerId }).ToListAsync(cancellationToken);
        return rows.Select(r => (r.Id, r.OwnerId)).ToList();
    }

    private IQueryable<Indicator> Unopened(Period period)
    {
        var frequencies = Enum.GetValues<Frequency>().Where(f => ReportingPeriods.ReportsIn(f, period)).ToList();
        return db.Indicators
            .Where(i => i.RetiredAt == null)
            .Where(i => frequencies.Contains(i.Frequency))
            .Where(i => !db.Returns.Any(r => r.IndicatorId == i.Id && r.Period == period));
    }
}
