using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Storage;

namespace PmfBot.Domain.People;

public static class PersonLookup
{
    /// <summary>The person acting, or a message they can act on if PmfBot does not know them.</summary>
    public static async Task<Person> ActorAsync(this PmfDbContext db, Guid personId, CancellationToken cancellationToken) =>
        await db.People.SingleOrDefaultAsync(p => p.Id == personId, cancellationToken)
        ?? throw new PmfRuleException("PmfBot does not know you yet. Ask the performance team to add you to the single data list.");
}
