using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PmfBot.Domain.People;
using PmfBot.Domain.Storage;

namespace PmfBot.Scheduler.Graph;

/// <summary>
/// Finds, through the directory, the managers of people who have none stored (an escalation
/// needs one), and stores them on the person (<see cref="Person.ReportsTo"/>). A manager PmfBot
/// does not know yet is added as a person. A person known only by email gets their object id
/// stored on the way.
/// </summary>
public sealed class ManagerLookup(PmfDbContext db, IDirectory directory, TimeProvider clock, ILogger<ManagerLookup> logger)
{
    /// <summary>The managers found, by person; people whose manager stays unknown are left out.</summary>
    public async Task<IReadOnlyDictionary<Guid, Guid>> ResolveAsync(IEnumerable<Guid> personIds, CancellationToken cancellationToken = default)
    {
        var ids = personIds.Distinct().ToList();
        var found = new Dictionary<Guid, Guid>();
        if (ids.Count == 0)
        {
            return found;
        }

        var people = await db.People.Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);
        foreach (var person in people)
        {
            if (person.ManagerId is { } known)
            {
                found[person.Id] = known;
                continue;
            }

            if (!directory.IsAvailable)
            {
                continue;
            }

            try
            {
                if (await FindManagerAsync(person, cancellationToken) is { } manager)
                {
                    person.ReportsTo(manager);
                    await db.SaveChangesAsync(cancellationToken);
                    found[person.Id] = manager.Id;
                    logger.LogInformation("Stored {Manager} as the manager of {Person} from the directory", manager.Id, person.Id);
                }
            }
            catch (DirectoryException ex)
            {
                // The escalation still goes to the performance lead; the next escalation tries again.
                logger.LogWarning(ex, "Could not look up the manager of {PersonId} in the directory", person.Id);
            }
            catch (DbUpdateException ex)
            {
                // Another server stored the same manager at the same moment; the next run reads it.
                db.ChangeTracker.Clear();
                logger.LogWarning(ex, "Could not store the manager of {PersonId}", person.Id);
            }
        }

        return found;
    }

    private async Task<Person?> FindManagerAsync(Person person, CancellationToken cancellationToken)
    {
        var objectId = person.EntraObjectId;
        if (objectId is null)
        {
            objectId = (await directory.LookUpPersonAsync(person.Email, cancellationToken))?.ObjectId;
            if (objectId is null)
            {
                return null;
            }

            if (!await db.People.AnyAsync(p => p.EntraObjectId == objectId, cancellationToken))
            {
                person.LinkEntraObjectId(objectId);
            }
        }

        var manager = await directory.ManagerOfAsync(objectId, cancellationToken);
        if (manager is null)
        {
            return null;
        }

        var email = manager.Email?.ToLowerInvariant();
        var stored = await db.People.SingleOrDefaultAsync(p => p.EntraObjectId == manager.ObjectId, cancellationToken)
            ?? (email is null ? null : await db.People.SingleOrDefaultAsync(p => p.Email == email, cancellationToken));
        if (stored is not null)
        {
            if (stored.EntraObjectId is null)
            {
                stored.LinkEntraObjectId(manager.ObjectId);
            }

            return stored.Id == person.Id ? null : stored;
        }

        if (email is null)
        {
            return null;
        }

        var added = new Person(Guid.CreateVersion7(clock.GetUtcNow()), manager.Name, email) { DirectorateId = person.DirectorateId };
        added.LinkEntraObjectId(manager.ObjectId);
        db.People.Add(added);
        return added;
    }
}
