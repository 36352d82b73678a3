using Microsoft.EntityFrameworkCore;
using PmfBot.Bot.Teams.Activities;
using PmfBot.Domain.People;
using PmfBot.Domain.Storage;

namespace PmfBot.Bot.Conversation;

/// <summary>Who is talking to the bot: the person whose Entra object id the activity carries.</summary>
public sealed class Speaker(PmfDbContext db, KnownSpeakers known)
{
    public async Task<Person?> FindAsync(Activity activity, CancellationToken cancellationToken)
    {
        var objectId = activity.From.AadObjectId?.Trim().ToLowerInvariant();
        return string.IsNullOrEmpty(objectId)
            ? null
            : await known.People.GetOrLoadAsync(
                db,
                objectId,
                () => db.People.AsNoTracking().SingleOrDefaultAsync(p => p.EntraObjectId == objectId, cancellationToken),
                cancellationToken);
    }
}
