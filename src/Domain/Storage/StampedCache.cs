using System.Collections.Concurrent;

namespace PmfBot.Domain.Storage;

/// <summary>
/// Values kept under the <see cref="DataVersion"/> stamp read before they were loaded: a value is
/// good for as long as the stamp is unchanged, so any saved change (on any server) sends the next ask
/// back to the database. Read the stamp first, then load, then keep under that stamp.
/// <para>
/// One load per key and stamp: asks that arrive while a value is being loaded wait for that load
/// instead of starting their own. Without this, every ask of a busy card between a saved change and
/// the end of its composition composed it again, each holding a database connection, and the
/// compositions slowed each other until status asks timed out (found by benchmark 1's "last
/// afternoon" run: owners saving one return a second).
/// </para>
/// </summary>
public sealed class StampedCache<TKey, TValue>(int maxKept)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Kept> _kept = new();

    private sealed record Kept(long Stamp, Task<TValue> Value);

    /// <summary>The value kept under the current stamp, or <paramref name="load"/>ed (once, whoever else asks meanwhile) and kept.</summary>
    public async Task<TValue> GetOrLoadAsync(PmfDbContext db, TKey key, Func<Task<TValue>> load, CancellationToken cancellationToken) =>
        await GetOrLoadAsync(await db.DataStampAsync(cancellationToken), key, load, cancellationToken);

    /// <summary>The same under a stamp of the caller's (read before loading), such as a card's <see cref="PmfDbContext.CardStampAsync"/>.</summary>
    public async Task<TValue> GetOrLoadAsync(long stamp, TKey key, Func<Task<TValue>> load, CancellationToken cancellationToken)
    {
        while (true)
        {
            var loading = new TaskCompletionSource<TValue>(TaskCreationOptions.RunContinuationsAsynchronously);
            var mine = new Kept(stamp, loading.Task);
            if (!_kept.ContainsKey(key) && _kept.Count >= maxKept)
            {
                // Beyond the bound, start again rather than track what was used last.
                _kept.Clear();
            }

            var kept = _kept.AddOrUpdate(key, mine, (_, existing) => existing.Stamp == stamp ? existing : mine);
            if (ReferenceEquals(kept, mine))
            {
                return await LoadAsync(key, mine, loading, load);
            }

            try
            {
                return await kept.Value.WaitAsync(cancellationToken);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested && kept.Value.IsCompleted && !kept.Value.IsCompletedSuccessfully)
            {
                // The load this ask waited for failed (its own request was cancelled, say): forget it and load for ourselves.
                _kept.TryRemove(new KeyValuePair<TKey, Kept>(key, kept));
            }
        }
    }

    private async Task<TValue> LoadAsync(TKey key, Kept mine, TaskCompletionSource<TValue> loading, Func<Task<TValue>> load)
    {
        try
        {
            var value = await load();
            loading.SetResult(value);
            return value;
        }
        catch (Exception failure)
        {
            // Nothing is kept from a failed load; those waiting for it load for themselves.
            _kept.TryRemove(new KeyValuePair<TKey, Kept>(key, mine));
            loading.SetException(failure);
            throw;
        }
    }
}
