using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Audit;
using PmfBot.Domain.BoardActions;
using PmfBot.Domain.Boards;
using PmfBot.Domain.Directorates;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.People;
using PmfBot.Domain.Plans;
using PmfBot.Domain.Priorities;
using PmfBot.Domain.Ratings;
using PmfBot.Domain.Returns;
using PmfBot.Domain.Risks;
using PmfBot.Domain.Scorecards;

namespace PmfBot.Domain.Storage;

/// <summary>
/// The one EF Core model, on SQLite (embedded default) or PostgreSQL. Saving writes the audit
/// lines queued by audited entities in the same transaction as the change itself. The running
/// bot uses the provider's own subclass (<see cref="Migrations.SqlitePmfDbContext"/>,
/// <see cref="Migrations.PostgresPmfDbContext"/>), which carries that provider's migrations.
/// </summary>
public class PmfDbContext : DbContext
{
    /// <summary>A context with no migrations of its own (model tests, the in-memory test store).</summary>
    public PmfDbContext(DbContextOptions<PmfDbContext> options)
        : base(options)
    {
    }

    protected PmfDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Person> People => Set<Person>();

    public DbSet<Directorate> Directorates => Set<Directorate>();

    public DbSet<Plan> Plans => Set<Plan>();

    public DbSet<Board> Boards => Set<Board>();

    public DbSet<Priority> Priorities => Set<Priority>();

    public DbSet<Indicator> Indicators => Set<Indicator>();

    public DbSet<IndicatorReturn> Returns => Set<IndicatorReturn>();

    public DbSet<PriorityRating> Ratings => Set<PriorityRating>();

    public DbSet<BoardAction> BoardActions => Set<BoardAction>();

    public DbSet<Risk> Risks => Set<Risk>();

    public DbSet<SelfAssessment> SelfAssessments => Set<SelfAssessment>();

    public DbSet<QuarterRelease> QuarterReleases => Set<QuarterRelease>();

    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    public DbSet<SchemaVersion> SchemaVersions => Set<SchemaVersion>();

    public DbSet<Outbox.OutboxMessage> Outbox => Set<Outbox.OutboxMessage>();

    public DbSet<Conversations.ConversationReference> ConversationReferences => Set<Conversations.ConversationReference>();
    public DbSet<Cycle.CycleState> CycleState => Set<Cycle.CycleState>();

    public DbSet<DataVersion> DataVersion => Set<DataVersion>();

    public DbSet<Boards.Meetings.BoardMeetingChat> BoardMeetingChats => Set<Boards.Meetings.BoardMeetingChat>();

    public DbSet<Boards.Meetings.MeetingSummaryPost> MeetingSummaryPosts => Set<Boards.Meetings.MeetingSummaryPost>();

    /// <summary>This server's knowledge of the stamp (set by dependency injection; none outside it: every read asks the database).</summary>
    internal DataVersionWatch? Watch { get; set; }

    /// <summary>The current <see cref="Storage.DataVersion"/> stamp: from <see cref="DataVersionWatch"/> when it knows it, otherwise one small read.</summary>
    public ValueTask<long> DataStampAsync(CancellationToken cancellationToken = default) =>
        Watch?.CurrentAsync(this, cancellationToken) ?? new ValueTask<long>(ReadDataStampAsync(cancellationToken));

    /// <summary>
    /// The stamp for a card about one priority: <see cref="PriorityChanges"/>' stamp for it while this
    /// server hears every change, which moves only with changes that touch that priority; otherwise
    /// the data-version stamp, which moves with every change.
    /// </summary>
    public ValueTask<long> CardStampAsync(Guid priorityId, CancellationToken cancellationToken = default) =>
        Watch?.Priorities.StampOf(priorityId) is { } stamp ? ValueTask.FromResult(stamp) : DataStampAsync(cancellationToken);

    /// <summary>The stamp as the database has it now.</summary>
    internal Task<long> ReadDataStampAsync(CancellationToken cancellationToken) =>
        DataVersion.AsNoTracking().Select(v => v.Stamp).SingleAsync(cancellationToken);

    public bool IsSqlite => Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        EnsureAuditLogIsAppendOnly();
        var audited = ChangeTracker.Entries<AuditedEntity>().Select(e => e.Entity).Where(e => e.PendingAudit.Count > 0).ToList();
        var lines = audited.SelectMany(e => e.PendingAudit).ToList();
        AuditLog.AddRange(lines);
        var touched = await StampDataVersionAsync(cancellationToken);
        try
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            audited.ForEach(e => e.ClearPendingAudit());
            return saved;
        }
        catch
        {
            // Nothing was written: keep the lines with their entity, not in the context, so a
            // later save of this context cannot write an audit line for a change that failed.
            lines.ForEach(l => Entry(l).State = EntityState.Detached);
            throw;
        }
        finally
        {
            // This server sees its own change at once, without waiting for PostgreSQL's notification
            // (and after a failed save too: a lost connection may have committed it all the same).
            if (touched is not null)
            {
                Watch?.Forget();
                Watch?.Priorities.Changed(touched.Priorities);
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        PmfConventions.Apply(configurationBuilder, Database.ProviderName);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PmfDbContext).Assembly);
    }

    /// <summary>What a save changes that cards show: the priorities it touches, null for any priority.</summary>
    private sealed record Touched(IReadOnlyCollection<Guid>? Priorities);

    /// <summary>
    /// Changes <see cref="Storage.DataVersion"/> in the same transaction as any change to what the cards
    /// show, with the priorities the change touches; the scheduler's own bookkeeping (outbox,
    /// conversation references, cycle state) leaves it alone. Null when nothing cards show changes.
    /// </summary>
    private async Task<Touched?> StampDataVersionAsync(CancellationToken cancellationToken)
    {
        var changes = ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && e.Entity is not (global::PmfBot.Domain.Outbox.OutboxMessage or Conversations.ConversationReference or global::PmfBot.Domain.Cycle.CycleState
                    or SchemaVersion or AuditEntry or Storage.DataVersion))
            .Select(e => e.Entity)
            .ToList();
        if (changes.Count == 0)
        {
            return null;
        }

        var priorities = await PrioritiesTouchedAsync(changes, cancellationToken);
        var payload = PriorityChanges.Payload(priorities);

        // Still tracked after an earlier save of this context: give it a new stamp rather than attach a second.
        var version = ChangeTracker.Entries<Storage.DataVersion>().FirstOrDefault();
        if (version is null)
        {
            version = Entry(Storage.DataVersion.Next(payload));
            DataVersion.Attach(version.Entity);
        }
        else
        {
            version.Property(v => v.Stamp).CurrentValue = Storage.DataVersion.NewStamp();
            version.Property(v => v.ChangedPriorities).CurrentValue = payload;
        }

        version.Property(v => v.Stamp).IsModified = true;
        version.Property(v => v.ChangedPriorities).IsModified = true;
        return new Touched(priorities);
    }

    /// <summary>
    /// The priorities whose cards show these changes: a return shows on the cards of its indicator's
    /// priorities; a rating, a risk or an action on its priority's. Anything else (a person's name, an
    /// indicator, a board, an action of a whole board...) may show on any card: null.
    /// </summary>
    private async Task<IReadOnlyCollection<Guid>?> PrioritiesTouchedAsync(List<object> changes, CancellationToken cancellationToken)
    {
        var priorities = new HashSet<Guid>();
        var indicators = new HashSet<Guid>();
        var actions = ChangeTracker.Entries<BoardAction>().ToDictionary(e => e.Entity.Id, e => e.Entity.PriorityId);
        foreach (var change in changes)
        {
            switch (change)
            {
                case IndicatorReturn r:
                    indicators.Add(r.IndicatorId);
                    break;
                case PriorityRating r:
                    priorities.Add(r.PriorityId);
                    break;
                case Risk r:
                    priorities.Add(r.PriorityId);
                    break;
                case BoardAction { PriorityId: { } priority }:
                    priorities.Add(priority);
                    break;
                case ActionProgress p when actions.GetValueOrDefault(p.ActionId) is { } priority:
                    priorities.Add(priority);
                    break;
                default:
                    return null;
            }
        }

        if (indicators.Count > 0)
        {
            priorities.UnionWith(await Set<IndicatorPriority>().AsNoTracking()
                .Where(l => indicators.Contains(l.IndicatorId)).Select(l => l.PriorityId).ToListAsync(cancellationToken));
        }

        return priorities;
    }

    private void EnsureAuditLogIsAppendOnly()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The audit log is append-only: its lines cannot be changed or deleted.");
        }
    }
}
