using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.People;
using PmfBot.Domain.Storage;

namespace PmfBot.Domain.Returns;

/// <summary>An owner or collator saves a draft of, submits or corrects a return.</summary>
public sealed class SubmitReturn(PmfDbContext db, TimeProvider clock)
{
    /// <param name="SeenVersion">The return's version on the card the person answered, to catch stale cards.</param>
    public sealed record Command(Guid ActorId, Guid ReturnId, ReturnEntry Entry, bool AsDraft = false, int? SeenVersion = null);

    public async Task<IndicatorReturn> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        var actor = await db.ActorAsync(command.ActorId, cancellationToken);
        var ret = await db.Returns
            .Include(r => r.Indicator).ThenInclude(i => i.Collators)
            .Include(r => r.Indicator).ThenInclude(i => i.Targets)
            .SingleOrDefaultAsync(r => r.Id == command.ReturnId, cancellationToken)
            ?? throw new PmfRuleException("That return no longer exists. Ask for 'my returns' to see what is due.");

        var repeat = ret.HasAnswer && ret.CurrentEntry().Normalised() == command.Entry.Normalised();
        if (!repeat && command.SeenVersion is { } seen && seen != ret.Version)
        {
            throw new PmfRuleException($"The {ret.Period.Label} return for {ret.Indicator.Code} has changed since this card was sent. Here is what is saved now; please check it and try again.");
        }

        var now = clock.GetUtcNow();
        if (command.AsDraft)
        {
            ret.SaveDraft(actor, command.Entry, now);
        }
        else
        {
            ret.Submit(actor, command.Entry, UkTime.DateOf(now), now);
        }

        await db.SaveOrExplainAsync($"the {ret.Period.Label} return for {ret.Indicator.Code}", cancellationToken);
        return ret;
    }
}
