using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Audit;
using PmfBot.Domain.Storage;

namespace PmfBot.Domain.Import;

/// <summary>
/// The audit lines of one import: every thing it creates, changes, retires or reinstates gets a
/// line naming who ran it, the file, and the thing before and after, in the same save as the change.
/// </summary>
internal sealed class ImportAudit
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };
    private readonly PmfDbContext _db;

    private ImportAudit(PmfDbContext db, Actor actor, string source, DateTimeOffset now)
    {
        _db = db;
        Actor = actor;
        Source = source.Length <= 300 ? source : source[..300];
        Now = now;
    }

    public Actor Actor { get; }

    /// <summary>"import of values.csv".</summary>
    public string Source { get; }

    public DateTimeOffset Now { get; }

    /// <summary>The person PmfBot knows by the email in <see cref="ImportOptions.By"/>, else the words as given.</summary>
    public static async Task<ImportAudit> StartAsync(PmfDbContext db, ImportOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var by = options.By.Trim();
        var person = by.Contains('@', StringComparison.Ordinal)
            ? await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Email == by.ToLowerInvariant(), cancellationToken)
            : null;
        var actor = person is null ? new Actor(null, by.Length <= 200 ? by : by[..200]) : Actor.Of(person);
        return new ImportAudit(db, actor, $"import of {options.Source}", now);
    }

    public static string Snapshot(object state) => JsonSerializer.Serialize(state, Json);

    /// <summary>A line for something that is not audited by itself (people, boards, indicators...).</summary>
    public void Record(string entityType, Guid entityId, string action, string? before, string after) =>
        _db.AuditLog.Add(new AuditEntry(entityType, entityId, action, Actor, Now, before, after, Source));

    /// <summary>Names the file on the lines audited things (returns, actions) queued for themselves.</summary>
    public void NameFileOnQueuedLines()
    {
        foreach (var entry in _db.ChangeTracker.Entries<AuditedEntity>())
        {
            foreach (var line in entry.Entity.PendingAudit)
            {
                line.CameFrom(Source);
            }
        }
    }
}
