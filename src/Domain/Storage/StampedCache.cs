using System.Collections.Concurrent;

namespace PmfBot.Domain.Storage;

/// <summary>
/// Values kept under the <see cref="DataVersion"/> stamp read before they were loaded: a value is
/// good for as long as the stamp is unchanged, so any saved change (on any server) sends the next ask
/// back to the database. Read the stamp first, then load, then keep under that stamp.
/// </summary>
public sealed class StampedCache<TKey, TValue>(int maxKept)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Kept> _kept = new();

    private sealed record Kept(long Stamp, TValue Value);

    public bool TryGet(TKey key, long stamp, out TValue value)
    {
        if (_kept.TryGetValue(key, out var kept) && kept.Stamp == stamp)
        {
            value = kept.Value;
            return true;
        }

        value = default!;
        return false;
    }

    public void Keep(TKey key, long stamp, TValue value)
    {
        // Beyond the bound, start again rather than track what was used last.
        if (_kept.Count >= maxKept)
        {
            _kept.Clear();
        }

        _kept[key] = new Kept(stamp, value);
    }

    /// <summary>The value kept under the current stamp, or <paramref name="load"/>ed and kept.</summary>
    public async Task<TValue> GetOrLoadAsync(PmfDbContext db, TKey key, Func<Task<TValue>> load, CancellationToken cancellationToken)
    {
        var stamp = await db.DataStampAsync(cancellationToken);
        if (TryGet(key, stamp, out var value))
        {
            return value;
        }

        value = await load();
        Keep(key, stamp, value);
        return value;
    }
}
