using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.People;
using PmfBot.Domain.Storage;

namespace PmfBot.Domain.BoardActions;

/// <summary>The owner of a board action (or the performance team) reports its progress for a quarter.</summary>
public sealed class RecordActionProgress(PmfDbContext db, TimeProvider clock)
{
    /// <param name="ExpectedVersion">The version the person's card was built from: a stale card changes nothing.</param>
    public sealed record Command(Guid ActorId, Guid ActionId, Period Period, int ExpectedVersion, ActionStatus Status, string Note);

    public async Task<BoardAction> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        var actor = await db.ActorAsync(command.ActorId, cancellationToken);
        var action = await db.BoardActions.Include(a => a.Progress)
            .SingleOrDefaultAsync(a => a.Id == command.ActionId, cancellationToken)
            ?? throw new PmfRuleException("That board action no longer exists.");
        if (action.Version != command.ExpectedVersion)
        {
            throw StaleCard.Refusal();
        }

        action.RecordProgress(actor, command.Period, command.Status, command.Note, clock.GetUtcNow());
        await db.SaveOrExplainAsync($"the progress of \"{action.Title}\"", cancellationToken);
        return action;
    }
}
