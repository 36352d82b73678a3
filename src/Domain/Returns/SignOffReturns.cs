using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.People;
using PmfBot.Domain.Storage;

namespace PmfBot.Domain.Returns;

/// <summary>A directorate's performance lead signs off its submitted returns, or sends one back.</summary>
public sealed class SignOffReturns(PmfDbContext db, TimeProvider clock)
{
    /// <summary>Signs off every submitted return of the directorate for the period; returns how many.</summary>
    public async Task<int> SignOffAllAsync(Guid actorId, Guid directorateId, Period period, CancellationToken cancellationToken = default)
    {
        var actor = await db.ActorAsync(actorId, cancellationToken);
        var directorate = await db.Directorates.SingleOrDefaultAsync(d => d.Id == directorateId, cancellationToken)
            ?? throw new PmfRuleException("That directorate no longer exists.");
        var submitted = await db.Returns.Include(r => r.Indicator)
            .Where(r => r.Period == period && r.State == ReturnState.Submitted && !r.IsImported && r.Indicator.DirectorateId == directorateId)
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        submitted.ForEach(r => r.SignOff(actor, directorate, now));
        await db.SaveOrExplainAsync($"{directorate.Name}'s {period.Label} returns", cancellationToken);
        return submitted.Count;
    }

    public async Task<IndicatorReturn> SendBackAsync(Guid actorId, Guid returnId, string comment, CancellationToken cancellationToken = default)
    {
        var actor = await db.ActorAsync(actorId, cancellationToken);
        var ret = await db.Returns.Include(r => r.Indicator).SingleOrDefaultAsync(r => r.Id == returnId, cancellationToken)
            ?? throw new PmfRuleException("That return no longer exists.");
        var directorate = await db.Directorates.SingleOrDefaultAsync(d => d.Id == ret.Indicator.DirectorateId, cancellationToken)
            ?? throw new PmfRuleException($"{ret.Indicator.Code} has no directorate, so no one can send it back.");
        ret.SendBack(actor, directorate, comment, clock.GetUtcNow());
        await db.SaveOrExplainAsync($"the {ret.Period.Label} return for {ret.Indicator.Code}", cancellationToken);
        return ret;
    }
}
