using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PmfBot.Domain.Storage;

/// <summary>
/// Brings the database to the schema this release needs, on every start and for the `migrate`
/// verb: an empty database gets every migration; a database made by schema version 3 (the
/// releases up to 2 December 2026, which used EnsureCreated) is first taken onto the migration
/// history without touching a row (<see cref="SchemaVersion3Adoption"/>); pending migrations are
/// applied; a database that a newer release has migrated, or that PmfBot did not make, is refused
/// with a message saying what to do. On PostgreSQL an advisory lock makes several instances
/// starting together take turns; on SQLite every step can run twice and EF Core's own migration
/// lock guards the rest.
/// </summary>
public sealed class StorageInitialiser(PmfDbContext db)
{
    private const long InitialisationLock = 0x504D_4642_4F54; // "PMFBOT"

    /// <summary>PostgreSQL notifies this channel when a change to the data-version stamp commits.</summary>
    public const string DataVersionChannel = StorageTriggers.DataVersionChannel;

    /// <summary>Prepares the database; says what it found and what it did.</summary>
    public async Task<StoragePreparation> InitialiseAsync(CancellationToken cancellationToken = default)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (!db.IsSqlite)
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({InitialisationLock})", cancellationToken);
            }
            else
            {
                // WAL lets readers carry on while a return is being written.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }

            var found = await DatabaseShape.ReadAsync(db, cancellationToken);
            var adopted = false;
            if (!found.HasMigrationHistory && found.HasPmfTables)
            {
                await SchemaVersion3Adoption.AdoptAsync(db, found, cancellationToken);
                adopted = true;
            }

            await RefuseNewerAsync(cancellationToken);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            await db.Database.MigrateAsync(cancellationToken);
            return new StoragePreparation(WasEmpty: !found.HasPmfTables, AdoptedSchemaVersion3: adopted, Applied: pending);
        }
        finally
        {
            if (!db.IsSqlite)
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({InitialisationLock})", CancellationToken.None);
            }

            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The migrations this release has that the database has not had yet (none: up to date).</summary>
    public async Task<IReadOnlyList<string>> PendingAsync(CancellationToken cancellationToken = default) =>
        (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();

    /// <summary>
    /// The SQL that brings any database this release accepts up to date, for a DBA to review and run
    /// (`migrate --script`). PostgreSQL: idempotent, from an empty database or any earlier one,
    /// schema version 3 included. SQLite has no idempotent script (EF Core cannot make one), so it is
    /// the script from where this database stands.
    /// </summary>
    public async Task<string> ScriptAsync(CancellationToken cancellationToken = default)
    {
        var migrator = db.GetService<IMigrator>();
        if (!db.IsSqlite)
        {
            return SchemaVersion3Adoption.PostgresScript(db) + migrator.GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        }

        await using var _ = await OpenedAsync(cancellationToken);
        var found = await DatabaseShape.ReadAsync(db, cancellationToken);
        var applied = found.HasMigrationHistory
            ? (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).LastOrDefault()
            : found.HasPmfTables ? SchemaVersion3Adoption.Baseline(db) : null;
        var preamble = !found.HasMigrationHistory && found.HasPmfTables ? await SchemaVersion3Adoption.SqliteScriptAsync(db, found, cancellationToken) : "";
        return preamble + migrator.GenerateScript(fromMigration: applied);
    }

    private async Task<IAsyncDisposable> OpenedAsync(CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        return new Closing(db);
    }

    private sealed class Closing(PmfDbContext db) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => new(db.Database.CloseConnectionAsync());
    }

    // A newer release has migrated this database: running on it would misread tables this release
    // does not know. Roll forward with the newer release, or restore the backup taken before it.
    private async Task RefuseNewerAsync(CancellationToken cancellationToken)
    {
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var unknown = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Where(m => !known.Contains(m)).ToList();
        if (unknown.Count > 0)
        {
            throw new StorageRefusedException(
                $"The database has been upgraded by a newer release of PmfBot (migration {string.Join(", ", unknown)}), " +
                $"and this release knows only up to {known.Max(StringComparer.Ordinal)}. " +
                "Start the newer release, or restore the backup taken before the upgrade (docs/deployment.md, \"Upgrading\").");
        }
    }
}

/// <summary>What <see cref="StorageInitialiser"/> found and did.</summary>
public sealed record StoragePreparation(bool WasEmpty, bool AdoptedSchemaVersion3, IReadOnlyList<string> Applied)
{
    public string Describe() =>
        (WasEmpty ? "an empty database: schema created" : AdoptedSchemaVersion3 ? "a schema version 3 database: taken onto the migration history" : "schema found")
        + (Applied.Count == 0 ? ", up to date" : $", {Applied.Count} migration{(Applied.Count == 1 ? "" : "s")} applied ({string.Join(", ", Applied)})");
}

/// <summary>The database is not one this release can run on; the message says why and what to do.</summary>
public sealed class StorageRefusedException(string message) : Exception(message);
