using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Boards;
using PmfBot.Domain.Boards.Channels;
using PmfBot.Domain.Search;
using PmfBot.Domain.Tests.Support;
using PmfBot.Tests.Support;

namespace PmfBot.Domain.Tests.Boards;

public sealed class LinkBoardChannelOnSqlite() : LinkBoardChannelTests(new SqliteTestDatabase());

public sealed class LinkBoardChannelOnPostgres() : LinkBoardChannelTests(new PostgresTestDatabase());

public abstract class LinkBoardChannelTests(TestDatabase database) : DatabaseTest(database)
{
    private static readonly TeamsChannel Channel = new("19:team@thread.tacv2", "19:childrens@thread.tacv2", "Children's Trust");

    [Fact]
    public async Task A_performance_officer_links_the_board_found_by_a_loosely_typed_name_with_an_audit_line()
    {
        await MakePerformanceTeamAsync(Council.PerformanceLead.Id);

        var result = await LinkAsync(Council.PerformanceLead.Id, "childrens trust");

        Assert.Equal(Council.Board.Id, result.Board.Id);
        await using var db = Database.NewContext();
        Assert.Equal(Channel, (await db.Boards.SingleAsync(b => b.Id == Council.Board.Id)).Channel);
        var audit = Assert.Single(await db.AuditLog.Where(a => a.EntityType == "Board").ToListAsync());
        Assert.Equal((LinkBoardChannel.AuditAction, "Pat Lead"), (audit.Action, audit.ActorName));
        Assert.Contains(Channel.ChannelId, audit.After);
    }

    [Fact]
    public async Task Someone_outside_the_performance_team_is_refused_and_nothing_changes()
    {
        var refused = await Assert.ThrowsAsync<PmfRuleException>(() => LinkAsync(Council.Chair.Id, "Children's Trust Board"));

        Assert.Contains("Only the performance team", refused.Message);
        await using var db = Database.NewContext();
        Assert.Null((await db.Boards.SingleAsync(b => b.Id == Council.Board.Id)).Channel);
        Assert.False(await db.AuditLog.AnyAsync(a => a.EntityType == "Board"));
    }

    [Fact]
    public async Task A_board_nobody_has_is_refused_by_name()
    {
        await MakePerformanceTeamAsync(Council.PerformanceLead.Id);

        var refused = await Assert.ThrowsAsync<PmfRuleException>(() => LinkAsync(Council.PerformanceLead.Id, "Fire Authority"));

        Assert.Contains("could not find a board called \"Fire Authority\"", refused.Message);
    }

    [Fact]
    public async Task Linking_the_same_channel_again_writes_nothing_new()
    {
        await MakePerformanceTeamAsync(Council.PerformanceLead.Id);

        await LinkAsync(Council.PerformanceLead.Id, "Children's Trust Board");
        await LinkAsync(Council.PerformanceLead.Id, "Children's Trust Board");

        await using var db = Database.NewContext();
        Assert.Equal(1, await db.AuditLog.CountAsync(a => a.EntityType == "Board"));
    }

    private async Task<LinkBoardChannel.Result> LinkAsync(Guid actorId, string text)
    {
        await using var db = Database.NewContext();
        return await new LinkBoardChannel(db, new FindPriority(db, new SearchResults()), Clock).LinkAsync(actorId, text, Channel);
    }

    private async Task MakePerformanceTeamAsync(Guid personId)
    {
        await using var db = Database.NewContext();
        (await db.People.SingleAsync(p => p.Id == personId)).IsPerformanceTeam = true;
        await db.SaveChangesAsync();
    }
}
