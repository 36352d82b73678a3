using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Tests.Support;
using PmfBot.Tests.Support;

namespace PmfBot.Domain.Tests.Audit;

public sealed class AuditLogOnSqlite() : AuditLogTests(new SqliteTestDatabase());

public sealed class AuditLogOnPostgres() : AuditLogTests(new PostgresTestDatabase());

public abstract class AuditLogTests(TestDatabase database) : DatabaseTest(database)
{
    [Fact]
    public async Task The_database_refuses_to_change_an_audit_line()
    {
        await using var db = Database.NewContext();

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE audit_log SET \"ActorName\" = 'someone else'"));

        Assert.Contains("append-only", refused.Message);
        Assert.Equal(0, await db.AuditLog.CountAsync(a => a.ActorName == "someone else"));
    }

    [Fact]
    public async Task The_database_refuses_to_delete_an_audit_line()
    {
        await using var db = Database.NewContext();
        var before = await db.AuditLog.CountAsync();

        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_log"));

        Assert.True(before > 0);
        Assert.Equal(before, await db.AuditLog.CountAsync());
    }

    [Fact]
    public async Task The_model_refuses_to_save_a_changed_audit_line()
    {
        await using var db = Database.NewContext();
        var line = await db.AuditLog.FirstAsync();
        db.Entry(line).Property("ActorName").CurrentValue = "someone else";

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        Assert.Contains("append-only", refused.Message);
    }
}
