namespace PmfBot.Domain.Audit;

/// <summary>
/// One line of the append-only audit log: who changed what, when, and the state before and
/// after (JSON). Written in the same transaction as the change; never updated or deleted.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
    }

    internal AuditEntry(string entityType, Guid entityId, string action, Actor actor, DateTimeOffset at, string? before, string after, string? source = null)
    {
        Source = source;
        EntityType = entityType;
        EntityId = entityId;
        Action = action;
        ActorPersonId = actor.PersonId;
        ActorName = actor.Name;
        At = at;
        Before = before;
        After = after;
    }

    public long Id { get; private set; }

    /// <summary>"Return", "Rating", "BoardAction", "SelfAssessment".</summary>
    public string EntityType { get; private set; } = "";

    public Guid EntityId { get; private set; }

    /// <summary>What happened, in words: "submitted", "signed off", "amended", ...</summary>
    public string Action { get; private set; } = "";

    public Guid? ActorPersonId { get; private set; }

    public string ActorName { get; private set; } = "";

    public DateTimeOffset At { get; private set; }

    public string? Before { get; private set; }

    public string After { get; private set; } = "";

    /// <summary>Where the change came from when not from Teams: "import of values.csv".</summary>
    public string? Source { get; private set; }

    internal void CameFrom(string source) => Source ??= source;
}
