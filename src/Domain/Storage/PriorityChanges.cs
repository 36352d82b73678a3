using System.Collections.Concurrent;

namespace PmfBot.Domain.Storage;

/// <summary>
/// Which priorities' cards have changed, as far as this server has heard: a stamp per priority that
/// moves when a saved change touches that priority (a return of one of its indicators, its rating,
/// actions or risks) or touches anything a card of every priority may show. Valid only while the
/// data-version listener hears every change; otherwise (SQLite, the listener not connected) there is
/// no priority stamp and cards fall back to the data-version stamp, which moves with every change.
/// <para>
/// On the last afternoon owners save returns every few seconds; with only the data-version stamp,
/// each save sent every priority's status card back to composing. With this, a save re-composes
/// the cards of the one or two priorities it touches.
/// </para>
/// </summary>
public sealed class PriorityChanges
{
    /// <summary>The notification payload for "anything may have changed".</summary>
    public const string Everything = "*";

    private readonly ConcurrentDictionary<Guid, long> _changedAt = new();

    /// <summary>Moves on every change heard; a priority's stamp is when it (or everything) last changed.</summary>
    private long _clock;

    private long _everythingChangedAt;

    /// <summary>Bumped whenever hearing stops and starts again: what happened in between is unknown.</summary>
    private long _epoch;

    private volatile bool _hearing;

    /// <summary>
    /// The stamp of <paramref name="priorityId"/>'s cards, or null when changes are not being heard.
    /// Negative, so it can never equal a data-version stamp (those are positive).
    /// </summary>
    public long? StampOf(Guid priorityId)
    {
        if (!_hearing)
        {
            return null;
        }

        var changedAt = Math.Max(Volatile.Read(ref _everythingChangedAt), _changedAt.GetValueOrDefault(priorityId));
        return -((Volatile.Read(ref _epoch) << 40) | changedAt);
    }

    /// <summary>The listener hears every change from now on (it LISTENs, then calls this): a new epoch.</summary>
    public void StartHearing()
    {
        Interlocked.Increment(ref _epoch);
        _hearing = true;
    }

    /// <summary>The listener lost its connection: changes may be missed until it is back.</summary>
    public void StopHearing() => _hearing = false;

    /// <summary>A change touching these priorities (null: anything) was saved, here or on another server.</summary>
    public void Changed(IReadOnlyCollection<Guid>? priorityIds)
    {
        var at = Interlocked.Increment(ref _clock);
        if (priorityIds is null)
        {
            Volatile.Write(ref _everythingChangedAt, at);
            return;
        }

        foreach (var id in priorityIds)
        {
            _changedAt[id] = at;
        }
    }

    /// <summary>A notification's payload: <see cref="Everything"/>, or priority ids separated by commas (none: empty).</summary>
    public void Changed(string? payload) => Changed(Parse(payload));

    /// <summary>What a save tells the other servers: the priorities it touched, or <see cref="Everything"/>.</summary>
    public static string Payload(IReadOnlyCollection<Guid>? priorityIds) =>
        priorityIds is null || priorityIds.Count > MaxIdsInPayload ? Everything : string.Join(",", priorityIds.Order());

    /// <summary>PostgreSQL takes payloads of up to 8,000 bytes; more priorities than this is "everything".</summary>
    public const int MaxIdsInPayload = 150;

    private static List<Guid>? Parse(string? payload)
    {
        if (payload is null || payload == Everything)
        {
            return null;
        }

        if (payload.Length == 0)
        {
            return [];
        }

        var ids = new List<Guid>();
        foreach (var part in payload.Split(','))
        {
            if (!Guid.TryParse(part, out var id))
            {
                return null;
            }

            ids.Add(id);
        }

        return ids;
    }
}
