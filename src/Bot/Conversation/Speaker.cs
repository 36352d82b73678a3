using Microsoft.EntityFrameworkCore;
using PmfBot.Bot.Linking;
using PmfBot.Bot.Teams.Activities;
using PmfBot.Domain.People;
using PmfBot.Domain.Storage;

namespace PmfBot.Bot.Conversation;

/// <summary>
/// Who is talking to the bot: the person whose Entra object id the activity carries. An object id PmfBot
/// does not know yet is linked on first contact (<see cref="FirstContact"/>): Teams is asked who it is and
/// the person with that email is linked.
/// </summary>
public sealed class Speaker(PmfDbContext db, KnownSpeakers known, FirstContact firstContact)
{
    public async Task<Person?> FindAsync(Activity activity, CancellationToken cancellationToken)
    {
        var objectId = activity.From.AadObjectId?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(objectId))
        {
            return null;
        }

        return await known.People.GetOrLoadAsync(
                db,
                objectId,
                () => db.People.AsNoTracking().SingleOrDefaultAsync(p => p.EntraObjectId == objectId, cancellationToken),
                cancellationToken)
            ?? await firstContact.LinkAsync(activity, objectId, cancellationToken);
    }
}
