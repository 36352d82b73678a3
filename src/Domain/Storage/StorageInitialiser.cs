using Microsoft.EntityFrameworkCore;

namespace PmfBot.Domain.Storage;

/// <summary>
/// Creates the schema on first start and checks its version on every start. On PostgreSQL an
/// advisory lock makes several instances starting together take turns.
/// </summary>
public sealed class StorageInitialiser(PmfDbContext db, TimeProvider clock)
{
    private const long InitialisationLock = 0x504D_4642_4F54; // "PMFBOT"

    /// <summary>PostgreSQL notifies this channel when a change to the data-version stamp commits.</summary>
    public const string DataVersionChannel = "pmf_data_version";

    /// <summary>Returns true when the schema was created just now (an empty database).</summary>
    public async Task<bool> InitialiseAsync(CancellationToken cancellationToken = default)
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

            var created = await db.Database.EnsureCreatedAsync(cancellationToken);
            await ProtectAuditLogAsync(cancellationToken);
            await EnsureDataVersionAsync(cancellationToken);
            await CheckVersionAsync(created, cancellationToken);
            return created;
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

    private async Task CheckVersionAsync(bool created, CancellationToken cancellationToken)
    {
        var stored = await db.SchemaVersions.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (stored is null)
        {
            if (!created && await db.People.AnyAsync(cancellationToken))
            {
                throw new InvalidOperationException("The database has PmfBot tables but no schema version; it was not created by this version of PmfBot.");
            }

            db.SchemaVersions.Add(new SchemaVersion { Version = SchemaVersion.Current, CreatedAt = clock.GetUtcNow() });
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        if (stored.Version != SchemaVersion.Current)
        {
            throw new InvalidOperationException(
                $"The database was created for schema version {stored.Version}, but this PmfBot needs version {SchemaVersion.Current}. " +
                "Restore a matching release or migrate the database before starting.");
        }
    }

    // Added after schema version 3 without raising it: a database created before gets the table and
    // its one row here (EnsureCreated creates both for a new one), so no migration is needed.
    // On PostgreSQL a trigger notifies every listening server when a new stamp commits (NOTIFY is sent
    // at commit, never for a rolled-back change), with the priorities the change touched, so they need
    // not read the stamp per request nor recompose every priority's card for each save.
    private async Task EnsureDataVersionAsync(CancellationToken cancellationToken)
    {
        if (db.IsSqlite)
        {
            await db.Database.ExecuteSqlRawAsync(
                """
                CREATE TABLE IF NOT EXISTS data_version ("Id" INTEGER NOT NULL CONSTRAINT "PK_data_version" PRIMARY KEY, "Stamp" INTEGER NOT NULL);
                INSERT OR IGNORE INTO data_version ("Id", "Stamp") VALUES (1, 0);
                """,
                cancellationToken);
            var columns = await db.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM pragma_table_info('data_version')").ToListAsync(cancellationToken);
            if (!columns.Contains("ChangedPriorities"))
            {
                await db.Database.ExecuteSqlRawAsync("ALTER TABLE data_version ADD COLUMN \"ChangedPriorities\" TEXT NULL", cancellationToken);
            }

            return;
        }

        await db.Database.ExecuteSqlRawAsync(
            $$"""
            CREATE TABLE IF NOT EXISTS data_version ("Id" integer NOT NULL CONSTRAINT "PK_data_version" PRIMARY KEY, "Stamp" bigint NOT NULL);
            ALTER TABLE data_version ADD COLUMN IF NOT EXISTS "ChangedPriorities" text NULL;
            INSERT INTO data_version ("Id", "Stamp") VALUES (1, 0) ON CONFLICT DO NOTHING;
            CREATE OR REPLACE FUNCTION pmf_data_version_changed() RETURNS trigger AS $$
            BEGIN PERFORM pg_notify('{{DataVersionChannel}}', COALESCE(NEW."ChangedPriorities", '{{PriorityChanges.Everything}}')); RETURN NULL; END; $$ LANGUAGE plpgsql;
            DROP TRIGGER IF EXISTS data_version_changed ON data_version;
            CREATE TRIGGER data_version_changed AFTER UPDATE ON data_version
            FOR EACH ROW EXECUTE FUNCTION pmf_data_version_changed();
            """,
            cancellationToken);
    }

    // The database itself refuses to change or delete audit lines, whatever code runs against it.
    private Task ProtectAuditLogAsync(CancellationToken cancellationToken) => db.IsSqlite
        ? db.Database.ExecuteSqlRawAsync(
            """
            CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'The audit log is append-only'); END;
            CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'The audit log is append-only'); END;
            """,
            cancellationToken)
        : db.Database.ExecuteSqlRawAsync(
            """
            CREATE OR REPLACE FUNCTION pmf_audit_log_append_only() RETURNS trigger AS $$
            BEGIN RAISE EXCEPTION 'The audit log is append-only'; END; $$ LANGUAGE plpgsql;
            DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log;
            CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
            FOR EACH ROW EXECUTE FUNCTION pmf_audit_log_append_only();
            """,
            cancellationToken);
}
