using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Storage;

namespace PmfBot.Domain.Returns;

/// <summary>
/// When a directorate's performance lead gets the sign-off card (where the directorate uses
/// sign-off): once all the directorate's returns for a period are in and some wait for sign-off,
/// and again on the period's sign-off due date while any submitted return still waits. One card
/// per directorate and period on each occasion. Values imported from a council's file are history:
/// they count as in but never wait for sign-off (<see cref="SignOffReturns"/> does not sign them off).
/// </summary>
public sealed class SignOffDue(PmfDbContext db, ReturnCalendar calendar)
{
    /// <summary>Periods whose sign-off date is this many days before the span are no longer asked about.</summary>
    public const int LooksBackDays = 28;

    public enum Occasion
    {
        /// <summary>Every return of the directorate for the period is in.</summary>
        ReturnsIn,

        /// <summary>The sign-off due date, with returns still waiting.</summary>
        DueDate,
    }

    public sealed record Ask(Guid DirectorateId, Guid PerformanceLeadId, Period Period, DateOnly SignOffDue, Occasion Occasion, DateOnly Day)
    {
        public string Key => $"signoff.ask:{DirectorateId:N}:{Period.Key}:{(Occasion == Occasion.ReturnsIn ? "returns-in" : "due")}";
    }

    /// <summary>
    /// The asks owed: "returns in" whenever the state says so (checked on every run, on
    /// <paramref name="upTo"/>), "due date" when the sign-off date falls after
    /// <paramref name="after"/> and on or before <paramref name="upTo"/>.
    /// </summary>
    public async Task<IReadOnlyList<Ask>> BetweenAsync(DateOnly after, DateOnly upTo, CancellationToken cancellationToken = default)
    {
        var leads = await db.Directorates.AsNoTracking()
            .Where(d => d.UsesSignOff && d.PerformanceLeadId != null)
            .ToDictionaryAsync(d => d.Id, d => d.PerformanceLeadId!.Value, cancellationToken);
        if (leads.Count == 0)
        {
            return [];
        }

        // Sign-off falls a few working days after the due date: older returns need not be read.
        var oldestDue = after.AddDays(-(LooksBackDays + 14));
        var directorateIds = leads.Keys.ToList();
        var rows = await db.Returns.AsNoTracking()
            .Where(r => r.DueDate >= oldestDue && r.Indicator.DirectorateId != null && directorateIds.Contains(r.Indicator.DirectorateId.Value))
            .Select(r => new { DirectorateId = r.Indicator.DirectorateId!.Value, r.Period, r.State, r.IsImported })
            .ToListAsync(cancellationToken);

        var asks = new List<Ask>();
        foreach (var group in rows.GroupBy(r => (r.DirectorateId, r.Period)))
        {
            var (directorateId, period) = group.Key;
            var signOff = calendar.WindowFor(period).SignOff;
            if (signOff < after.AddDays(-LooksBackDays))
            {
                continue;
            }

            var waiting = group.Any(r => r.State == ReturnState.Submitted && !r.IsImported);
            var allIn = group.All(r => r.State is ReturnState.Submitted or ReturnState.SignedOff);
            var lead = leads[directorateId];
            if (waiting && allIn)
            {
                asks.Add(new Ask(directorateId, lead, period, signOff, Occasion.ReturnsIn, upTo));
            }

            if (waiting && signOff > after && signOff <= upTo)
            {
                asks.Add(new Ask(directorateId, lead, period, signOff, Occasion.DueDate, signOff));
            }
        }

        return asks.OrderBy(a => a.Day).ThenBy(a => a.DirectorateId).ThenBy(a => a.Period).ToList();
    }
}
