using PmfBot.Domain.Boards;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Cycle;
using PmfBot.Domain.People;
using PmfBot.Domain.RagRatings;
using PmfBot.Domain.Ratings;
using PmfBot.Domain.Summaries;
using PmfBot.Domain.Tests.Support;
using PmfBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace PmfBot.Domain.Tests.Summaries;

public sealed class SummariesDueOnSqlite() : SummariesDueTests(new SqliteTestDatabase());

public sealed class SummariesDueOnPostgres() : SummariesDueTests(new PostgresTestDatabase());

/// <summary>The test council's board, plus a scrutiny board and a governance and audit committee; Q2's board meeting is 28 October.</summary>
public abstract class SummariesDueTests(TestDatabase database) : DatabaseTest(database)
{
    private static readonly QuarterCycle Q2 = QuarterCycle.For(TestCouncil.Q2, ReturnCalendar.EnglandAndWales());
    private Board _scrutiny = null!;
    private Board _audit = null!;

    [Fact]
    public async Task Nothing_is_due_while_ratings_are_undecided_before_the_board_meeting()
    {
        await AddBoardsAsync();
        await ProposeAsync();

        Assert.Empty(await DueOn(Q2.BoardMeeting.AddDays(-1)));
    }

    [Fact]
    public async Task Once_every_rating_is_decided_the_board_scrutiny_and_compliance_summaries_are_due()
    {
        await AddBoardsAsync();
        var rating = await ProposeAsync();
        await using (var db = Database.NewContext())
        {
            var tracked = await db.Ratings.Include(r => r.Priority).SingleAsync(r => r.Id == rating.Id);
            tracked.Approve(await db.People.SingleAsync(p => p.Id == Council.Chair.Id), await db.Boards.SingleAsync(b => b.Id == Council.Board.Id), Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        var due = await DueOn(Q2.Window.SignOff);

        Assert.Equal(
            [(SummariesDue.SummaryKind.Board, Council.Board.Id, true), (SummariesDue.SummaryKind.Scrutiny, _scrutiny.Id, true), (SummariesDue.SummaryKind.Compliance, _audit.Id, true)],
            due.Select(s => (s.Kind, s.BoardId, s.AllDecided)));
        Assert.Equal([rating.Id], due[0].RatingIds);
    }

    [Fact]
    public async Task On_the_board_meeting_day_the_summaries_are_due_with_ratings_still_awaiting_sign_off()
    {
        await AddBoardsAsync();
        await ProposeAsync();

        var due = await DueOn(Q2.BoardMeeting);

        Assert.Equal(3, due.Count);
        Assert.All(due, s => Assert.False(s.AllDecided));
    }

    [Fact]
    public async Task After_the_cycle_closes_nothing_more_is_due()
    {
        await AddBoardsAsync();

        Assert.Empty(await DueOn(Q2.Closes.AddDays(1)));
    }

    private async Task AddBoardsAsync()
    {
        await using var db = Database.NewContext();
        var scrutinyChair = new Person(Guid.NewGuid(), "Cllr Scrutiny", "scrutiny@council.test");
        var auditChair = new Person(Guid.NewGuid(), "Cllr Audit", "audit@council.test");
        _scrutiny = new Board(Guid.NewGuid(), "Scrutiny Board", BoardKind.Scrutiny, scrutinyChair);
        _audit = new Board(Guid.NewGuid(), "Governance and Audit Committee", BoardKind.GovernanceAndAudit, auditChair);
        db.People.AddRange(scrutinyChair, auditChair);
        db.Boards.AddRange(_scrutiny, _audit);
        await db.SaveChangesAsync();
    }

    private async Task<PriorityRating> ProposeAsync()
    {
        await using var db = Database.NewContext();
        return await new ProposeRating(db, Clock).HandleAsync(new ProposeRating.Command(Council.LeadOfficer.Id, Council.Priority.Id, TestCouncil.Q2, Rag.Green, "Attendance is on target in every ward."));
    }

    private async Task<IReadOnlyList<SummariesDue.Summary>> DueOn(DateOnly day)
    {
        await using var db = Database.NewContext();
        return (await new SummariesDue(db).OnAsync(Q2, day)).OrderBy(s => s.Kind).ToList();
    }
}
