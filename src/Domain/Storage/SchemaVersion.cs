namespace PmfBot.Domain.Storage;

/// <summary>
/// The schema version the releases before migrations kept (up to 3, made by EnsureCreated, which
/// refused any other number). Migrations replaced it: the migration history now says what a
/// database is. The row stays, at <see cref="Current"/>, so that an old release pointed at a
/// migrated database refuses it instead of misreading it (see the MigrationsTakeOver migration).
/// </summary>
public sealed class SchemaVersion
{
    /// <summary>Set by the MigrationsTakeOver migration; never raised again.</summary>
    public const int Current = 4;

    public int Id { get; set; } = 1;

    public int Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
