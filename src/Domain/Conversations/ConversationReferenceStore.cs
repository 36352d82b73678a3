using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Storage;

namespace PmfBot.Domain.Conversations;

/// <summary>Records where PmfBot can reach people and channels, and finds it again for proactive messages.</summary>
public sealed class ConversationReferenceStore(PmfDbContext db, TimeProvider clock, RecentSightings recent)
{
    /// <summary>An unchanged reference is rewritten at most this often (LastSeenAt), not on every message.</summary>
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromHours(1);

    /// <summary>Inserts or updates one reference per sighting. Safe when two activities of one conversation race.</summary>
    public async Task RecordAsync(IReadOnlyCollection<ConversationSighting> sightings, CancellationToken cancellationToken = default)
    {
        foreach (var sighting in sightings)
        {
            if (recent.RecordedLately(sighting, clock.GetUtcNow()))
            {
                continue;
            }

            try
            {
                await UpsertAsync(sighting, cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another worker inserted the same key first: forget our insert and update theirs.
                db.ChangeTracker.Clear();
                await UpsertAsync(sighting, cancellationToken);
            }

            recent.Recorded(sighting, clock.GetUtcNow());
        }
    }

    /// <summary>
    /// Teams answered MessageWritesBlocked for <paramref name="conversationId"/>: the reference and the
    /// person it belongs to are marked, so nobody is nudged into a blocked chat and the performance team can see it.
    /// Returns false when no reference is known for that conversation.
    /// </summary>
    public async Task<bool> RecordBlockedAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        var reference = await db.ConversationReferences.SingleOrDefaultAsync(r => r.ConversationId == conversationId, cancellationToken);
        if (reference is null)
            return false;

        reference.MarkBlocked(clock.GetUtcNow());
        recent.Forget(reference.Key);
        if (reference.EntraObjectId is { } objectId)
        {
            var person = await db.People.SingleOrDefaultAsync(p => p.EntraObjectId == objectId, cancellationToken);
            person?.MarkBlockedBot(true);
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public Task<ConversationReference?> FindPersonAsync(string entraObjectId, CancellationToken cancellationToken = default) =>
        FindAsync(ConversationReference.PersonKey(entraObjectId), cancellationToken);

    public Task<ConversationReference?> FindChannelAsync(string channelId, CancellationToken cancellationToken = default) =>
        FindAsync(ConversationReference.ChannelKey(channelId), cancellationToken);

    public Task<ConversationReference?> FindAsync(string key, CancellationToken cancellationToken = default) =>
        db.ConversationReferences.AsNoTracking().SingleOrDefaultAsync(r => r.Key == key, cancellationToken);

    private async Task UpsertAsync(ConversationSighting sighting, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var reference = await db.ConversationReferences.SingleOrDefaultAsync(r => r.Key == sighting.Key, cancellationToken);
        if (reference is null)
        {
            db.ConversationReferences.Add(ConversationReference.From(sighting, now));
        }
        else if (!reference.Apply(sighting, now, QuietPeriod))
        {
            return;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
