using PmfBot.Domain.Storage;

namespace PmfBot.Domain.BoardActions;

/// <summary>A person's board actions not yet complete, soonest due first ("my actions").</summary>
public static class OpenActions
{
    public static IQueryable<BoardAction> Of(PmfDbContext db, Guid ownerId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.BoardActions
            .Where(a => a.OwnerId == ownerId && a.Status != ActionStatus.Complete)
            .OrderBy(a => a.DueDate).ThenBy(a => a.Id);
    }
}
