using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Storage;

namespace PmfBot.Reliability.Tests.Support;

/// <summary>
/// A fingerprint of everything PmfBot audits (returns, ratings, board actions with their progress
/// notes, self assessments, quarter releases) and of the audit log, read straight from the tables (every column),
/// so a test can tell exactly which entities a request changed and which audit lines it wrote.
/// </summary>
public sealed record AuditedData(IReadOnlyDictionary<Guid, string> Entities, long AuditLines, long LastAuditLineId)
{
    /// <summary>Each audited table, and the column holding the id of the entity its rows belong to.</summary>
    private static readonly (string Table, string EntityColumn)[] Tables =
    [
        ("returns", "Id"),
        ("priority_ratings", "Id"),
        ("board_actions", "Id"),
        ("board_action_progress", "ActionId"),
        ("self_assessments", "Id"),
        ("quarter_releases", "Id"),
    ];

    public static async Task<AuditedData> ReadAsync(PmfDbContext db)
    {
        var rows = new Dictionary<Guid, StringBuilder>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            foreach (var (table, entityColumn) in Tables)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT * FROM {table}";
                await using var reader = await command.ExecuteReaderAsync();
                var entity = reader.GetOrdinal(entityColumn);
                while (await reader.ReadAsync())
                {
                    var id = Guid.Parse(Text(reader, entity));
                    var line = new StringBuilder(table);
                    for (var i = 0; i < reader.FieldCount; i++)
                        line.Append('|').Append(Text(reader, i));
                    if (!rows.TryGetValue(id, out var all))
                        rows[id] = all = new StringBuilder();
                    all.Append(line).Append('\n');
                }
            }

            await using var audit = connection.CreateCommand();
            audit.CommandText = """SELECT COUNT(*), COALESCE(MAX("Id"), 0) FROM audit_log""";
            await using var counts = await audit.ExecuteReaderAsync();
            await counts.ReadAsync();
            var entities = rows.ToDictionary(r => r.Key, r => Hash(r.Value.ToString()));
            return new AuditedData(entities, Convert.ToInt64(counts.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt64(counts.GetValue(1), CultureInfo.InvariantCulture));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The entities whose rows differ (changed, added or gone) between this and <paramref name="after"/>.</summary>
    public IReadOnlySet<Guid> ChangedIn(AuditedData after) =>
        Entities.Keys.Union(after.Entities.Keys)
            .Where(id => Entities.GetValueOrDefault(id) != after.Entities.GetValueOrDefault(id))
            .ToHashSet();

    /// <summary>The entities named by the audit lines written after this snapshot.</summary>
    public async Task<IReadOnlySet<Guid>> AuditedSinceAsync(PmfDbContext db) =>
        (await db.AuditLog.AsNoTracking().Where(a => a.Id > LastAuditLineId).Select(a => a.EntityId).ToListAsync()).ToHashSet();

    private static string Text(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? "∅" : Convert.ToString(reader.GetValue(ordinal), CultureInfo.InvariantCulture) ?? "";

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
