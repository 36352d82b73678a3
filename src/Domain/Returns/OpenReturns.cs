using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.Storage;

namespace PmfBot.Domain.Returns;

/// <summary>
/// When a period ends, opens a return for every indicator that reports for it. Safe to run
/// again: indicators that already have a return for the period are left alone.
/// </summary>
public sealed class OpenReturns(PmfDbContext db, ReturnCalendar calendar, TimeProvider clock)
{
    public async Task<int> OpenAsync(Period period, CancellationToken cancellationToken = default)
    {
        var frequencies = Enum.GetValues<Frequency>().Where(f => ReportingPeriods.ReportsIn(f, period)).ToList();
        var indicators = await db.Indicators
            .Include(i => i.Targets)
            .Where(i => frequencies.Contains(i.Frequency))
            .Where(i => !db.Returns.Any(r => r.IndicatorId == i.Id && r.Period == period))
            .ToListAsync(cancellationToken);
        var due = calendar.WindowFor(period).Due;
        var now = clock.GetUtcNow();
        db.Returns.AddRange(indicators.Select(i => IndicatorReturn.Open(i, period, due, now)));
        await db.SaveChangesAsync(cancellationToken);
        return indicators.Count;
    }
}
