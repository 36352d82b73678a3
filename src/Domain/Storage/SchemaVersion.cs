namespace PmfBot.Domain.Storage;

/// <summary>
/// The version of the schema a database was created with. The host refuses to start on a
/// database of another version rather than run against tables it does not understand.
/// </summary>
public sealed class SchemaVersion
{
    /// <summary>
    /// Raise when the model changes in a way an existing database cannot follow.
    /// 2: conversation_references. 3: cycle_state (the scheduler's last completed day and pause switch).
    /// </summary>
    public const int Current = 3;

    public int Id { get; set; } = 1;

    public int Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
