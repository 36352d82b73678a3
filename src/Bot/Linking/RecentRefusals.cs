using System.Collections.Concurrent;

namespace PmfBot.Bot.Linking;

/// <summary>
/// Teams accounts that could not be linked lately, by Entra object id, each kept for
/// <see cref="LinkingOptions.RetryLookupAfter"/>: a stranger writing again and again is answered from
/// memory, not with a call to Teams per message. Bounded; beyond the bound, start again.
/// </summary>
public sealed class RecentRefusals
{
    public const int MaxKept = 10_000;

    private readonly ConcurrentDictionary<string, (DateTimeOffset Until, NotKnownReason Reason)> _kept = new(StringComparer.Ordinal);

    public NotKnownReason? Find(string objectId, DateTimeOffset now) =>
        _kept.TryGetValue(objectId, out var kept) && kept.Until > now ? kept.Reason : null;

    public void Remember(string objectId, NotKnownReason reason, DateTimeOffset until)
    {
        if (_kept.Count >= MaxKept && !_kept.ContainsKey(objectId))
        {
            _kept.Clear();
        }

        _kept[objectId] = (until, reason);
    }
}
