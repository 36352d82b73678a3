using System.Text.Json;

namespace PmfBot.Domain.Audit;

/// <summary>
/// Base for the things whose every change is audited (returns, ratings, actions, self
/// assessments). Changes go through <see cref="Change"/>, which bumps the concurrency
/// <see cref="Version"/> and queues an audit line; the DbContext writes the queued lines in the
/// same transaction as the change, so there is never a change without its audit or the reverse.
/// </summary>
public abstract class AuditedEntity
{
    private static readonly JsonSerializerOptions SnapshotJson = new() { WriteIndented = false };
    private readonly List<AuditEntry> _pendingAudit = [];

    public Guid Id { get; protected set; }

    /// <summary>Concurrency token: two writers of the same version cannot both win.</summary>
    public int Version { get; private set; }

    /// <summary>The audit log's name for this kind of thing.</summary>
    protected abstract string AuditName { get; }

    internal IReadOnlyList<AuditEntry> PendingAudit => _pendingAudit;

    internal void ClearPendingAudit() => _pendingAudit.Clear();

    /// <summary>The fields a person would want to see in the history, as a plain object.</summary>
    protected abstract object Snapshot();

    protected void Change(Actor actor, string action, DateTimeOffset at, Action mutate)
    {
        var before = JsonSerializer.Serialize(Snapshot(), SnapshotJson);
        mutate();
        Version++;
        _pendingAudit.Add(new AuditEntry(AuditName, Id, action, actor, at, before, JsonSerializer.Serialize(Snapshot(), SnapshotJson)));
    }

    /// <summary>Audits the creation of a new thing: its line has no "before".</summary>
    protected void Created(Actor actor, string action, DateTimeOffset at) =>
        _pendingAudit.Add(new AuditEntry(AuditName, Id, action, actor, at, null, JsonSerializer.Serialize(Snapshot(), SnapshotJson)));
}
