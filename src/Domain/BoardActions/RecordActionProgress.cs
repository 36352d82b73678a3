using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.People;
using PmfBot.Domain.Storage;

namespace PmfBot.Domain.BoardActions;

/// <summary>The owner of a board action (or the performance team) reports its progress for the current quarter.</summary>
public sealed class RecordActionProgress(PmfDbContext db, TimeProvider clock)
{
    /// <param name="SeenVersion">The version the person's card was built from (null when it says none): a stale card changes nothing.</param>
    /// <param name="Status">Null when the card's choice is not a status.</param>
    public sealed record Command(Person Actor, Guid ActionId, Period Period, int? SeenVersion, ActionStatus? Status, string Note);

    public async Task<CardOutcome<BoardAction>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        var action = await db.BoardActions.AsTracking().Include(a => a.Progress)
            .SingleOrDefaultAsync(a => a.Id == command.ActionId, cancellationToken);
        if (action is null)
        {
            return new CardOutcome<BoardAction>.NotAllowed("That card is out of date", "PmfBot cannot find the board action this card is about.");
        }

        if (command.Actor.Id != action.OwnerId && !command.Actor.IsPerformanceTeam)
        {
            return new CardOutcome<BoardAction>.NotAllowed("You cannot report on this action", "Only the action's owner can report its progress.");
        }

        if (command.Period != ReportingPeriods.Current(Frequency.Quarterly, UkTime.Today(clock)) || StaleCard.IsStale(command.SeenVersion, action.Version))
        {
            return new CardOutcome<BoardAction>.Stale(StaleCard.Message);
        }

        if (command.Status is not { } status)
        {
            return new CardOutcome<BoardAction>.Invalid("status", "Choose how the action stands: not started, on track, delayed or complete.");
        }

        return await CardOutcome<BoardAction>.TryAsync(async () =>
        {
            var now = clock.GetUtcNow();
            action.RecordProgress(command.Actor, command.Period, status, command.Note, now);
            await db.SaveOrExplainAsync($"the progress of \"{action.Title}\"", cancellationToken);
            return new CardOutcome<BoardAction>.Saved(action, now);
        });
    }
}
