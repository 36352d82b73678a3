namespace PmfBot.Domain.Storage;

/// <summary>
/// What the database itself does that EF Core's model cannot say: the audit log refuses changes
/// and deletions whatever code runs against it, and on PostgreSQL a committed change to the
/// data-version stamp is notified to every listening server with the priorities it touched
/// (NOTIFY is sent at commit, never for a rolled-back change). Created by the first migration;
/// every statement can run again.
/// </summary>
public static class StorageTriggers
{
    /// <summary>PostgreSQL notifies this channel when a change to the data-version stamp commits.</summary>
    public const string DataVersionChannel = "pmf_data_version";

    public const string SqliteAuditLogAppendOnly =
        """
        CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'The audit log is append-only'); END;
        CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'The audit log is append-only'); END;
        """;

    public const string PostgresAuditLogAppendOnly =
        """
        CREATE OR REPLACE FUNCTION pmf_audit_log_append_only() RETURNS trigger AS $$
        BEGIN RAISE EXCEPTION 'The audit log is append-only'; END; $$ LANGUAGE plpgsql;
        DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log;
        CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION pmf_audit_log_append_only();
        """;

    public const string PostgresDataVersionNotify =
        $$"""
        CREATE OR REPLACE FUNCTION pmf_data_version_changed() RETURNS trigger AS $$
        BEGIN PERFORM pg_notify('{{DataVersionChannel}}', COALESCE(NEW."ChangedPriorities", '{{PriorityChanges.Everything}}')); RETURN NULL; END; $$ LANGUAGE plpgsql;
        DROP TRIGGER IF EXISTS data_version_changed ON data_version;
        CREATE TRIGGER data_version_changed AFTER UPDATE ON data_version
        FOR EACH ROW EXECUTE FUNCTION pmf_data_version_changed();
        """;

    public const string PostgresDropFunctions =
        """
        DROP FUNCTION IF EXISTS pmf_data_version_changed() CASCADE;
        DROP FUNCTION IF EXISTS pmf_audit_log_append_only() CASCADE;
        """;
}
