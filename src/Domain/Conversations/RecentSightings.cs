using System.Collections.Concurrent;

namespace PmfBot.Domain.Conversations;

/// <summary>
/// The sightings this server recorded in the last <see cref="Memory"/>: the same person pressing
/// button after button tells nothing new, so an identical sighting is not looked up again. Short,
/// because another server may change the reference meanwhile (mark it blocked after a failed send,
/// which a later message from that person must clear); a reference marked here is forgotten at once.
/// </summary>
public sealed class RecentSightings
{
    public static readonly TimeSpan Memory = TimeSpan.FromMinutes(1);

    /// <summary>Far more than the people active in a minute; beyond it, start again.</summary>
    public const int MaxKept = 20_000;

    private readonly ConcurrentDictionary<string, (ConversationSighting Sighting, DateTimeOffset At)> _recorded = new(StringComparer.Ordinal);

    public bool RecordedLately(ConversationSighting sighting, DateTimeOffset now) =>
        _recorded.TryGetValue(sighting.Key, out var recorded) && recorded.Sighting == sighting && now - recorded.At < Memory && now >= recorded.At;

    public void Recorded(ConversationSighting sighting, DateTimeOffset now)
    {
        if (_recorded.Count >= MaxKept)
        {
            _recorded.Clear();
        }

        _recorded[sighting.Key] = (sighting, now);
    }

    public void Forget(string key) => _recorded.TryRemove(key, out _);
}
