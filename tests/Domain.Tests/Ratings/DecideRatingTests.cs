using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.RagRatings;
using PmfBot.Domain.Ratings;
using PmfBot.Domain.Storage;
using PmfBot.Domain.Tests.Support;
using PmfBot.Tests.Support;

namespace PmfBot.Domain.Tests.Ratings;

public sealed class DecideRatingOnSqlite() : DecideRatingTests(new SqliteTestDatabase());

public sealed class DecideRatingOnPostgres() : DecideRatingTests(new PostgresTestDatabase());

public abstract class DecideRatingTests(TestDatabase database) : DatabaseTest(database)
{
    private static readonly DecideRating.Decision Approve = new DecideRating.Decision.Approve();

    [Fact]
    public async Task The_lead_proposes_and_the_chair_approves()
    {
        var proposed = await Propose(Council.LeadOfficer.Id, Rag.Amber);

        var approved = await Decide(Council.Chair.Id, proposed.Id, Approve);

        Assert.Equal(RatingState.Approved, approved.State);
        Assert.Equal(Rag.Amber, approved.FinalRag);
        await using var db = Database.NewContext();
        var actions = await db.AuditLog.Where(a => a.EntityId == approved.Id).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal(["asked the lead officer for a rating", "proposed", "approved"], actions);
    }

    [Fact]
    public async Task The_chair_amends_with_a_reason_and_both_ratings_are_kept()
    {
        var proposed = await Propose(Council.LeadOfficer.Id, Rag.Green);

        var amended = await Decide(Council.Chair.Id, proposed.Id, new DecideRating.Decision.Amend(Rag.Amber, "Attendance fell in two wards."));

        Assert.Equal(RatingState.Amended, amended.State);
        Assert.Equal(Rag.Green, amended.ProposedRag);
        Assert.Equal(Rag.Amber, amended.FinalRag);
        Assert.Equal("Attendance fell in two wards.", amended.ChairComment);
    }

    [Fact]
    public async Task An_amendment_without_a_reason_is_refused()
    {
        var proposed = await Propose(Council.LeadOfficer.Id, Rag.Green);

        var refused = await Assert.ThrowsAsync<PmfRuleException>(() => Decide(Council.Chair.Id, proposed.Id, new DecideRating.Decision.Amend(Rag.Red, " ")));

        Assert.Equal("reason", refused.Field);
        Assert.Equal(RatingState.Proposed, (await Load(proposed.Id)).State);
    }

    [Fact]
    public async Task Someone_who_is_not_the_chair_cannot_approve()
    {
        var proposed = await Propose(Council.LeadOfficer.Id, Rag.Green);

        var refused = await Assert.ThrowsAsync<PmfRuleException>(() => Decide(Council.Owner.Id, proposed.Id, Approve));

        Assert.Equal("Only the chair of Children's Trust Board can decide the rating for CPP-C1.", refused.Message);
        Assert.Equal(RatingState.Proposed, (await Load(proposed.Id)).State);
    }

    [Fact]
    public async Task Only_the_lead_officer_may_propose()
    {
        var refused = await Assert.ThrowsAsync<PmfRuleException>(() => Propose(Council.Owner.Id, Rag.Green));

        Assert.Contains("Only the lead officer for CPP-C1", refused.Message);
    }

    [Fact]
    public async Task Sent_back_ratings_go_back_to_the_lead_who_proposes_again()
    {
        var proposed = await Propose(Council.LeadOfficer.Id, Rag.Green);
        var sentBack = await Decide(Council.Chair.Id, proposed.Id, new DecideRating.Decision.SendBack("Say more about the two wards."));
        Assert.Equal(RatingState.SentBack, sentBack.State);
        Assert.Null(sentBack.FinalRag);

        var again = await Propose(Council.LeadOfficer.Id, Rag.Amber);

        Assert.Equal(RatingState.Proposed, again.State);
        Assert.Equal(proposed.Id, again.Id);
    }

    [Fact]
    public async Task Approving_twice_is_one_decision_but_a_different_decision_after_it_is_refused()
    {
        var proposed = await Propose(Council.LeadOfficer.Id, Rag.Green);
        await Decide(Council.Chair.Id, proposed.Id, Approve);

        var twice = await Decide(Council.Chair.Id, proposed.Id, Approve);
        var refused = await Assert.ThrowsAsync<PmfRuleException>(() => Decide(Council.Chair.Id, proposed.Id, new DecideRating.Decision.Amend(Rag.Red, "Changed my mind")));

        Assert.Equal(2, twice.Version);
        Assert.Contains("has already been decided (approved, Green)", refused.Message);
    }

    [Fact]
    public async Task Two_windows_deciding_at_once_one_decision_wins()
    {
        var proposed = await Propose(Council.LeadOfficer.Id, Rag.Green);
        await using var first = Database.NewContext();
        await using var second = Database.NewContext();
        var inFirst = await first.Ratings.Include(r => r.Priority).SingleAsync(r => r.Id == proposed.Id);
        var inSecond = await second.Ratings.Include(r => r.Priority).SingleAsync(r => r.Id == proposed.Id);
        var chair1 = await first.People.SingleAsync(p => p.Id == Council.Chair.Id);
        var chair2 = await second.People.SingleAsync(p => p.Id == Council.Chair.Id);
        var board1 = await first.Boards.SingleAsync();
        var board2 = await second.Boards.SingleAsync();

        inFirst.Approve(chair1, board1, Clock.GetUtcNow());
        inSecond.Amend(chair2, board2, Rag.Red, "Too rosy", Clock.GetUtcNow());
        await first.SaveOrExplainAsync("the rating", CancellationToken.None);
        await Assert.ThrowsAsync<PmfRuleException>(() => second.SaveOrExplainAsync("the rating", CancellationToken.None));

        var stored = await Load(proposed.Id);
        Assert.Equal(RatingState.Approved, stored.State);
        Assert.Equal(Rag.Green, stored.FinalRag);
    }

    private async Task<PriorityRating> Propose(Guid actorId, Rag rag)
    {
        await using var db = Database.NewContext();
        return await new ProposeRating(db, Clock).HandleAsync(new ProposeRating.Command(actorId, Council.Priority.Id, TestCouncil.Q2, rag, "Most schools improved; two wards lag."));
    }

    private async Task<PriorityRating> Decide(Guid actorId, Guid ratingId, DecideRating.Decision decision)
    {
        await using var db = Database.NewContext();
        return await new DecideRating(db, Clock).HandleAsync(new DecideRating.Command(actorId, ratingId, decision));
    }

    private async Task<PriorityRating> Load(Guid ratingId)
    {
        await using var db = Database.NewContext();
        return await db.Ratings.AsNoTracking().SingleAsync(r => r.Id == ratingId);
    }
}
