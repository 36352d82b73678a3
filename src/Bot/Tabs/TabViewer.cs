using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.People;
using PmfBot.Domain.Storage;

namespace PmfBot.Bot.Tabs;

/// <summary>
/// Who opened a tab: found as the bot finds whoever talks to it, by the Entra object id (`oid`) Teams also gives
/// the bot; when no one is linked to that id yet, by user name among people not linked to any id (as the
/// dashboard sign-in does), so a linked person can never be claimed through a user name. Nothing is linked here:
/// linking stays with the bot's first contact, which asks Teams itself.
/// </summary>
public sealed class TabViewer(PmfDbContext db)
{
    private const string ObjectIdLong = "http://schemas.microsoft.com/identity/claims/objectidentifier";

    public async Task<Person?> FindAsync(System.Security.Claims.ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var objectId = TabSignIn.Claim(user, "oid", ObjectIdLong)?.ToLowerInvariant();
        if (objectId is null)
        {
            return null;
        }

        var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.EntraObjectId == objectId, cancellationToken);
        var userName = TabSignIn.Claim(user, "preferred_username", "upn")?.ToLowerInvariant();
        if (person is null && userName is not null)
        {
            person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.EntraObjectId == null && p.Email == userName, cancellationToken);
        }

        return person;
    }
}
