using Microsoft.EntityFrameworkCore;

namespace PmfBot.Domain.Storage;

public static class ConcurrentChange
{
    /// <summary>
    /// Saves, turning "someone else saved first" into a message: nothing of this change is
    /// written, and the person sees the current state when they look again. A lost connection
    /// becomes <see cref="SaveNotConfirmedException"/>: the outcome is unknown, trying again is safe.
    /// </summary>
    public static async Task SaveOrExplainAsync(this PmfDbContext db, string what, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new PmfRuleException($"Someone else changed {what} at the same moment, so your change was not saved. Here is what is saved now.");
        }
        catch (Exception ex) when (SaveNotConfirmedException.IsConnectionFailure(ex))
        {
            throw new SaveNotConfirmedException(what, ex);
        }
    }
}
