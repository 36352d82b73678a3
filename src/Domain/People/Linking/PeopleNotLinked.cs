using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Storage;

namespace PmfBot.Domain.People.Linking;

/// <summary>
/// People whose Teams account PmfBot does not know (no Entra object id): it cannot message them until
/// they speak to it or the directory finds them. Read by the performance team's "cycle problems".
/// </summary>
public sealed class PeopleNotLinked(PmfDbContext db)
{
    public sealed record Entry(Guid Id, string Name, string Email);

    /// <summary>Up to <paramref name="max"/> of them by name, and how many there are in all.</summary>
    public async Task<(IReadOnlyList<Entry> People, int Total)> ListAsync(int max, CancellationToken cancellationToken = default)
    {
        var unlinked = db.People.AsNoTracking().Where(p => p.EntraObjectId == null);
        var total = await unlinked.CountAsync(cancellationToken);
        var people = await unlinked.OrderBy(p => p.Name).Take(max)
            .Select(p => new Entry(p.Id, p.Name, p.Email))
            .ToListAsync(cancellationToken);
        return (people, total);
    }
}
