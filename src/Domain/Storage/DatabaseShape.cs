using Microsoft.EntityFrameworkCore;

namespace PmfBot.Domain.Storage;

/// <summary>What a database holds before it is prepared: read from the catalogue, never from PmfBot's model.</summary>
internal sealed record DatabaseShape(bool HasMigrationHistory, bool HasPmfTables, bool HasSchemaVersionTable, int? SchemaVersion)
{
    public const string HistoryTable = "__EFMigrationsHistory";

    public static async Task<DatabaseShape> ReadAsync(PmfDbContext db, CancellationToken cancellationToken)
    {
        var history = await TableExistsAsync(db, HistoryTable, cancellationToken);
        var people = await TableExistsAsync(db, "people", cancellationToken);
        var schemaVersion = await TableExistsAsync(db, "schema_version", cancellationToken);
        int? version = schemaVersion
            ? await db.Database.SqlQueryRaw<int>("SELECT \"Version\" AS \"Value\" FROM schema_version").Cast<int?>().SingleOrDefaultAsync(cancellationToken)
            : null;
        return new DatabaseShape(history, people || schemaVersion, schemaVersion, version);
    }

    private static async Task<bool> TableExistsAsync(PmfDbContext db, string table, CancellationToken cancellationToken)
    {
        var query = db.IsSqlite
            ? db.Database.SqlQuery<int>($"SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = {table}")
            : db.Database.SqlQuery<int>($"SELECT COUNT(*)::int AS \"Value\" FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = {table}");
        return await query.SingleAsync(cancellationToken) > 0;
    }
}
