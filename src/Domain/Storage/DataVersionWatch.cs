namespace PmfBot.Domain.Storage;

/// <summary>
/// The current <see cref="DataVersion"/> stamp, known without asking the database while
/// the bot's data-version listener holds a PostgreSQL LISTEN on the stamp's changes; asked of the
/// database otherwise (SQLite, the listener not connected, or just after this server saved a change
/// and before the listener has heard of it). So a saved change is seen at once on the server that
/// saved it, and on every other server as soon as PostgreSQL's notification reaches it (milliseconds).
/// </summary>
public sealed class DataVersionWatch
{
    private readonly Lock _gate = new();

    /// <summary>Null: not known, read it. Boxed so it can be read without a lock.</summary>
    private volatile Known? _known;

    /// <summary>Changes whenever what is known may be out of date, so a read that began before cannot be kept.</summary>
    private long _generation;

    private sealed record Known(long Stamp);

    /// <summary>Which priorities' cards changed, for cards about one priority (valid while the listener hears every change).</summary>
    public PriorityChanges Priorities { get; } = new();

    /// <summary>True while the stamp is known without a query (the listener is up and has caught up).</summary>
    public bool IsKnown => _known is not null;

    /// <summary>The current stamp: from memory when known, otherwise one small read.</summary>
    public ValueTask<long> CurrentAsync(PmfDbContext db, CancellationToken cancellationToken) =>
        _known is { } known ? ValueTask.FromResult(known.Stamp) : new ValueTask<long>(db.ReadDataStampAsync(cancellationToken));

    /// <summary>
    /// Something changed (this server saved a change) or the listener lost its connection: read the
    /// stamp until the listener knows it again.
    /// </summary>
    public void Forget()
    {
        lock (_gate)
        {
            _generation++;
            _known = null;
        }
    }

    /// <summary>Where a read of the stamp starts: its result is kept only if nothing was forgotten since.</summary>
    public long Generation
    {
        get
        {
            lock (_gate)
            {
                return _generation;
            }
        }
    }

    /// <summary>Keeps <paramref name="stamp"/>, read after <paramref name="generation"/>, unless something was forgotten since.</summary>
    public bool TryKeep(long generation, long stamp)
    {
        lock (_gate)
        {
            if (generation != _generation)
            {
                return false;
            }

            _known = new Known(stamp);
            return true;
        }
    }
}
