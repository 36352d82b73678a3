using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace PmfBot.Domain.Storage;

/// <summary>
/// Databases made before migrations (schema version 3: the releases up to 2 December 2026, whose
/// tables EnsureCreated made) already have the schema of the first migration, SchemaVersion3. They
/// are taken onto the migration history as having had it, without touching a row: the statements
/// that release ran at every start (the data-version table and the two triggers) are run once more,
/// so a database last started by an earlier release of version 3 ends up the same, and the first
/// migration is recorded as applied. Later migrations then run as on any database.
/// </summary>
internal static class SchemaVersion3Adoption
{
    public const int Version = 3;

    private const string BaselineName = "_SchemaVersion3";

    public static string Baseline(PmfDbContext db) => db.Database.GetMigrations().Single(m => m.EndsWith(BaselineName, StringComparison.Ordinal));

    public static async Task AdoptAsync(PmfDbContext db, DatabaseShape found, CancellationToken cancellationToken)
    {
        Refuse(found);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.IsSqlite)
        {
            await db.Database.ExecuteSqlRawAsync(SqliteDataVersion, cancellationToken);
            if (!await SqliteHasChangedPrioritiesAsync(db, cancellationToken))
            {
                await db.Database.ExecuteSqlRawAsync(SqliteAddChangedPriorities, cancellationToken);
            }

            await db.Database.ExecuteSqlRawAsync(StorageTriggers.SqliteAuditLogAppendOnly, cancellationToken);
            await db.Database.ExecuteSqlRawAsync(SqliteHistory(db), cancellationToken);
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync(PostgresStatements(db), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The PostgreSQL preamble of `migrate --script`: the same adoption, only where it is due.</summary>
    public static string PostgresScript(PmfDbContext db) =>
        $$"""
        -- A database made by schema version 3 (before migrations) is taken onto the migration history
        -- without touching a row; an empty or already migrated database is left to the script below.
        DO $pmf_adopt$
        BEGIN
            IF to_regclass('schema_version') IS NOT NULL AND to_regclass('"{{DatabaseShape.HistoryTable}}"') IS NULL THEN
                IF (SELECT "Version" FROM schema_version) IS DISTINCT FROM {{Version}} THEN
                    RAISE EXCEPTION 'This database is not at schema version {{Version}}: see docs/deployment.md, "Upgrading".';
                END IF;
        {{PostgresStatements(db)}}
            END IF;
        END $pmf_adopt$;


        """;

    /// <summary>The SQLite preamble of `migrate --script` for a file at schema version 3 (made for that file: SQLite has no conditionals).</summary>
    public static async Task<string> SqliteScriptAsync(PmfDbContext db, DatabaseShape found, CancellationToken cancellationToken)
    {
        Refuse(found);
        var addColumn = await SqliteHasChangedPrioritiesAsync(db, cancellationToken) ? "" : SqliteAddChangedPriorities + "\n";
        return "-- This file was made by schema version 3 (before migrations): taken onto the migration history without touching a row.\n"
            + SqliteDataVersion + "\n" + addColumn + StorageTriggers.SqliteAuditLogAppendOnly + "\n" + SqliteHistory(db) + "\n\n";
    }

    private static void Refuse(DatabaseShape found)
    {
        if (found.SchemaVersion == Version)
        {
            return;
        }

        throw new StorageRefusedException(found switch
        {
            { HasSchemaVersionTable: false } or { SchemaVersion: null } =>
                "The database has tables named like PmfBot's but no schema version and no migration history: it was not made by PmfBot. " +
                "Give PmfBot a database of its own (docs/deployment.md).",
            { SchemaVersion: < Version } =>
                $"The database was made by an older PmfBot (schema version {found.SchemaVersion}). Start the release of 2 December 2026 on it once " +
                "(it brings it to schema version 3), then this release.",
            _ =>
                $"The database says schema version {found.SchemaVersion} but has no migration history: it was changed by hand or by an unknown release. " +
                "Restore the backup taken before (docs/deployment.md, \"Upgrading\").",
        });
    }

    private const string SqliteDataVersion =
        """
        CREATE TABLE IF NOT EXISTS data_version ("Id" INTEGER NOT NULL CONSTRAINT "PK_data_version" PRIMARY KEY, "Stamp" INTEGER NOT NULL, "ChangedPriorities" TEXT NULL);
        INSERT OR IGNORE INTO data_version ("Id", "Stamp") VALUES (1, 0);
        """;

    private const string SqliteAddChangedPriorities = "ALTER TABLE data_version ADD COLUMN \"ChangedPriorities\" TEXT NULL;";

    private static async Task<bool> SqliteHasChangedPrioritiesAsync(PmfDbContext db, CancellationToken cancellationToken) =>
        await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM pragma_table_info('data_version') WHERE name = 'ChangedPriorities'")
            .SingleAsync(cancellationToken) > 0;

    private static string SqliteHistory(PmfDbContext db) =>
        $"""
        CREATE TABLE IF NOT EXISTS "{DatabaseShape.HistoryTable}" ("MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY, "ProductVersion" TEXT NOT NULL);
        INSERT OR IGNORE INTO "{DatabaseShape.HistoryTable}" ("MigrationId", "ProductVersion") VALUES ('{Baseline(db)}', '{ProductInfo.GetVersion()}');
        """;

    private static string PostgresStatements(PmfDbContext db) =>
        $"""
        CREATE TABLE IF NOT EXISTS data_version ("Id" integer NOT NULL CONSTRAINT "PK_data_version" PRIMARY KEY, "Stamp" bigint NOT NULL);
        ALTER TABLE data_version ADD COLUMN IF NOT EXISTS "ChangedPriorities" text NULL;
        INSERT INTO data_version ("Id", "Stamp") VALUES (1, 0) ON CONFLICT DO NOTHING;
        {StorageTriggers.PostgresAuditLogAppendOnly}
        {StorageTriggers.PostgresDataVersionNotify}
        CREATE TABLE IF NOT EXISTS "{DatabaseShape.HistoryTable}" ("MigrationId" character varying(150) NOT NULL, "ProductVersion" character varying(32) NOT NULL, CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY ("MigrationId"));
        INSERT INTO "{DatabaseShape.HistoryTable}" ("MigrationId", "ProductVersion") VALUES ('{Baseline(db)}', '{ProductInfo.GetVersion()}') ON CONFLICT DO NOTHING;
        """;
}
