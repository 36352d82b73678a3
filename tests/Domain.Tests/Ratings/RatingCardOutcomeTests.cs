using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.RagRatings;
using PmfBot.Domain.Ratings;
using PmfBot.Domain.Tests.Support;
using PmfBot.Tests.Support;

namespace PmfBot.Domain.Tests.Ratings;

public sealed class RatingCardOutcomeOnSqlite() : RatingCardOutcomeTests(new SqliteTestDatabase());

public sealed class RatingCardOutcomeOnPostgres() : RatingCardOutcomeTests(new PostgresTestDatabase());

/// <summary>What proposing and deciding from a card answer: who may, a stale card, a field to put right, as values.</summary>
public abstract class RatingCardOutcomeTests(TestDatabase database) : DatabaseTest(database)
{
    [Fact]
    public async Task The_lead_proposes_from_a_card_and_learns_which_chair_it_waits_for()
    {
        var outcome = await ProposeAsync(Council.LeadOfficer.Id, seenVersion: 0, Rag.Amber);

        var saved = Assert.IsType<CardOutcome<ProposeRating.Proposed>.Saved>(outcome);
        Assert.Equal(RatingState.Proposed, saved.Value.Rating.State);
        Assert.Equal(Council.Chair.Name, saved.Value.ChairName);
    }

    [Fact]
    public async Task Only_the_lead_officer_may_propose_and_nothing_is_saved()
    {
        var outcome = await ProposeAsync(Council.Chair.Id, seenVersion: 0, Rag.Amber);

        var refused = Assert.IsType<CardOutcome<ProposeRating.Proposed>.NotAllowed>(outcome);
        Assert.Equal("You cannot propose this rating", refused.Title);
        await using var db = Database.NewContext();
        Assert.False(await db.Ratings.AnyAsync());
    }

    [Fact]
    public async Task A_proposal_card_without_a_chosen_rating_names_the_field()
    {
        var outcome = await ProposeAsync(Council.LeadOfficer.Id, seenVersion: 0, rating: null);

        Assert.Equal("rating", Assert.IsType<CardOutcome<ProposeRating.Proposed>.Invalid>(outcome).Field);
    }

    [Fact]
    public async Task A_proposal_card_from_before_the_last_proposal_is_stale()
    {
        await ProposeAsync(Council.LeadOfficer.Id, seenVersion: 0, Rag.Amber);

        var outcome = await ProposeAsync(Council.LeadOfficer.Id, seenVersion: 0, Rag.Red);

        Assert.IsType<CardOutcome<ProposeRating.Proposed>.Stale>(outcome);
        await using var db = Database.NewContext();
        Assert.Equal(Rag.Amber, (await db.Ratings.SingleAsync()).ProposedRag);
    }

    [Fact]
    public async Task The_chair_approves_from_a_card_and_gets_the_decided_rating_and_board_back()
    {
        var proposed = await ProposedAsync();

        var outcome = await DecideAsync(Council.Chair.Id, proposed.Version, new DecideRating.Decision.Approve());

        var saved = Assert.IsType<CardOutcome<DecideRating.Decided>.Saved>(outcome);
        Assert.Equal(RatingState.Approved, saved.Value.Rating.State);
        Assert.Equal(Council.Chair.Id, saved.Value.Board.ChairId);
    }

    [Fact]
    public async Task An_approval_card_from_before_the_decision_says_what_was_decided_and_changes_nothing()
    {
        var proposed = await ProposedAsync();
        await DecideAsync(Council.Chair.Id, proposed.Version, new DecideRating.Decision.Approve());

        var outcome = await DecideAsync(Council.Chair.Id, proposed.Version, new DecideRating.Decision.SendBack("Look again."));

        Assert.Equal(
            "This rating was already approved; here is the outcome. Nothing was changed.",
            Assert.IsType<CardOutcome<DecideRating.Decided>.Stale>(outcome).Message);
        await using var db = Database.NewContext();
        Assert.Equal(RatingState.Approved, (await db.Ratings.SingleAsync()).State);
    }

    [Fact]
    public async Task Someone_other_than_the_chair_is_told_they_cannot_and_nothing_changes()
    {
        var proposed = await ProposedAsync();

        var outcome = await DecideAsync(Council.LeadOfficer.Id, proposed.Version, new DecideRating.Decision.SendBack("Look again."));

        var refused = Assert.IsType<CardOutcome<DecideRating.Decided>.NotAllowed>(outcome);
        Assert.Equal("You cannot send back this rating", refused.Title);
        await using var db = Database.NewContext();
        Assert.Equal(RatingState.Proposed, (await db.Ratings.SingleAsync()).State);
    }

    [Fact]
    public async Task An_amendment_without_a_chosen_rating_names_the_field_and_saves_nothing()
    {
        var proposed = await ProposedAsync();

        var outcome = await DecideAsync(Council.Chair.Id, proposed.Version, new DecideRating.Decision.Amend(null, "Attendance fell."));

        Assert.Equal("amendedRating", Assert.IsType<CardOutcome<DecideRating.Decided>.Invalid>(outcome).Field);
        await using var db = Database.NewContext();
        Assert.Equal(RatingState.Proposed, (await db.Ratings.SingleAsync()).State);
    }

    [Fact]
    public async Task Deciding_before_anything_is_proposed_says_there_is_nothing_to_decide()
    {
        var outcome = await DecideAsync(Council.Chair.Id, 0, new DecideRating.Decision.Approve());

        Assert.Equal("There is nothing to decide yet", Assert.IsType<CardOutcome<DecideRating.Decided>.NotAllowed>(outcome).Title);
    }

    private async Task<PriorityRating> ProposedAsync()
    {
        await using var db = Database.NewContext();
        return await new ProposeRating(db, Clock).HandleAsync(new ProposeRating.Command(Council.LeadOfficer.Id, Council.Priority.Id, TestCouncil.Q2, Rag.Green, "Most schools improved."));
    }

    private async Task<CardOutcome<ProposeRating.Proposed>> ProposeAsync(Guid actorId, int? seenVersion, Rag? rating)
    {
        await using var db = Database.NewContext();
        var actor = await db.People.SingleAsync(p => p.Id == actorId);
        return await new ProposeRating(db, Clock).ProposeAsync(
            new ProposeRating.Request(actor, Council.Priority.Id, TestCouncil.Q2, seenVersion, rating, "Most schools improved."));
    }

    private async Task<CardOutcome<DecideRating.Decided>> DecideAsync(Guid actorId, int? seenVersion, DecideRating.Decision decision)
    {
        await using var db = Database.NewContext();
        var actor = await db.People.SingleAsync(p => p.Id == actorId);
        return await new DecideRating(db, Clock).DecideAsync(new DecideRating.Request(actor, Council.Priority.Id, TestCouncil.Q2, seenVersion, decision));
    }
}
