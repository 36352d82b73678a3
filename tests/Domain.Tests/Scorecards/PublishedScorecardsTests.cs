using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Boards;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.People;
using PmfBot.Domain.RagRatings;
using PmfBot.Domain.Ratings;
using PmfBot.Domain.Returns;
using PmfBot.Domain.Scorecards;
using PmfBot.Domain.Tests.Support;
using PmfBot.Domain.Travel;
using PmfBot.Tests.Support;

namespace PmfBot.Domain.Tests.Scorecards;

public sealed class PublishedScorecardsOnSqlite() : PublishedScorecardsTests(new SqliteTestDatabase());

public sealed class PublishedScorecardsOnPostgres() : PublishedScorecardsTests(new PostgresTestDatabase());

/// <summary>
/// The test council's directorate signs off its returns; its board owns one priority served by
/// schools (higher is better, target 80) and temporary accommodation (lower is better, target 100).
/// Today is 6 October 2025: Q2 returns are open, due 14 October.
/// </summary>
public abstract class PublishedScorecardsTests(TestDatabase database) : DatabaseTest(database)
{
    private static readonly Period Q1 = Period.Quarter(2025, 1);

    [Fact]
    public async Task A_submitted_return_is_published_only_once_the_directorate_signs_it_off()
    {
        await Submit(Council.Schools.Id, TestCouncil.Q2, 90m, "Attendance rose after the summer campaign.");

        var before = Schools(await Board());
        await SignOff(TestCouncil.Q2);
        var after = Schools(await Board());

        Assert.Equal((ResultPublication.AwaitingSignOff, null, Rag.NoData), (before.Publication, before.Result.Value, before.Result.Rag));
        Assert.Null(before.Result.Return);
        Assert.Equal((ResultPublication.Published, 90m, Rag.Green), (after.Publication, after.Result.Value, after.Result.Rag));
        Assert.Equal("Attendance rose after the summer campaign.", after.Result.Return!.Commentary);
    }

    [Fact]
    public async Task Where_the_directorate_does_not_sign_off_a_submitted_return_is_published()
    {
        await using (var db = Database.NewContext())
        {
            (await db.Directorates.SingleAsync()).UsesSignOff = false;
            await db.SaveChangesAsync();
        }

        await Submit(Council.TemporaryAccommodation.Id, TestCouncil.Q2, 120m, "More families lost private tenancies.");

        var ta = Accommodation(await Board());
        Assert.Equal((ResultPublication.Published, 120m, Rag.Red), (ta.Publication, ta.Result.Value, ta.Result.Rag));
    }

    [Fact]
    public async Task A_draft_is_never_published_and_reads_missing_once_past_its_due_date()
    {
        await Submit(Council.Schools.Id, TestCouncil.Q2, 90m, "Draft words the owner is still checking.", asDraft: true);

        var beforeDue = Schools(await Board());
        Clock.SetUtcNow(new DateTimeOffset(2025, 10, 15, 9, 0, 0, TimeSpan.Zero));
        var afterDue = Schools(await Board());

        Assert.Equal((ResultPublication.NotYetDue, null), (beforeDue.Publication, beforeDue.Result.Return));
        Assert.Equal((ResultPublication.Missing, null, null), (afterDue.Publication, afterDue.Result.Return, afterDue.Result.Value));
    }

    [Fact]
    public async Task Direction_of_travel_is_read_from_published_returns_only()
    {
        await OpenReturns(Q1);
        await Submit(Council.TemporaryAccommodation.Id, Q1, 90m, "Below target.");
        await Submit(Council.TemporaryAccommodation.Id, TestCouncil.Q2, 120m, "Above target.");
        await SignOff(TestCouncil.Q2);

        var q1Unpublished = Accommodation(await Board());
        await SignOff(Q1);
        var q1Published = Accommodation(await Board());

        Assert.Equal(DirectionOfTravel.NotComparable, q1Unpublished.Result.Travel.AgainstPreviousPeriod);
        Assert.Null(q1Unpublished.Result.Trend[^2].Value);
        Assert.Equal(DirectionOfTravel.Worsening, q1Published.Result.Travel.AgainstPreviousPeriod);
        Assert.Equal(90m, q1Published.Result.Trend[^2].Value);
    }

    [Fact]
    public async Task A_rating_awaiting_the_chair_is_published_as_awaiting_approval_without_the_proposal()
    {
        var proposed = await Propose("Attendance is on target in every ward.");

        var awaiting = (await Board()).Priorities.Single().Priority.Rating;
        await Decide(proposed.Id, new DecideRating.Decision.Approve());
        var approved = (await Board()).Priorities.Single().Priority.Rating;

        Assert.Equal(new PublishedRating(RatingPublication.AwaitingBoardApproval, null, null, null, null), awaiting);
        Assert.Equal((RatingPublication.Approved, Rag.Green, "Attendance is on target in every ward."), (approved.State, approved.Rag, approved.Summary));
    }

    [Fact]
    public async Task An_amended_rating_is_published_as_the_chair_decided_it_with_the_reason()
    {
        var proposed = await Propose("Attendance is on target.");
        await Decide(proposed.Id, new DecideRating.Decision.Amend(Rag.Amber, "Attendance fell in two wards."));

        var rating = (await Board()).Priorities.Single().Priority.Rating;

        Assert.Equal((RatingPublication.Amended, Rag.Amber, "Attendance fell in two wards."), (rating.State, rating.Rag, rating.AmendmentReason));
    }

    [Fact]
    public async Task A_rating_sent_back_by_the_chair_is_not_yet_rated()
    {
        var proposed = await Propose("Attendance is on target.");
        await Decide(proposed.Id, new DecideRating.Decision.SendBack("Say what happened in the two wards that fell."));

        var rating = (await Board()).Priorities.Single().Priority.Rating;

        Assert.Equal((RatingPublication.NotYetRated, null, null), (rating.State, rating.Rag, rating.Summary));
    }

    [Fact]
    public async Task Contents_list_ended_quarters_with_something_published_once_released_and_only_boards_that_own_priorities()
    {
        await OpenReturns(Q1, Period.Quarter(2025, 3));
        await Submit(Council.Schools.Id, Q1, 85m, "On target.");
        await Submit(Council.Schools.Id, Period.Quarter(2025, 3), 85m, "Entered early by mistake.");
        await using (var db = Database.NewContext())
        {
            var chair = new Person(Guid.NewGuid(), "Cllr Scrutiny", "scrutiny@council.test");
            db.People.Add(chair);
            db.Boards.Add(new Board(Guid.NewGuid(), "Scrutiny Board", BoardKind.Scrutiny, chair));
            await db.SaveChangesAsync();
        }

        await using var read = Database.NewContext();
        var unreleased = await new PublishedScorecards(read, Clock).ContentsAsync();
        await using (var db = Database.NewContext())
        {
            (await db.People.SingleAsync(p => p.Id == Council.PerformanceLead.Id)).IsPerformanceTeam = true;
            await db.SaveChangesAsync();
            await new ReleaseQuarter(db, new PublishedScorecards(db, Clock), Clock).ReleaseAsync(Council.PerformanceLead.Id, Q1);
        }

        await using var again = Database.NewContext();
        var contents = await new PublishedScorecards(again, Clock).ContentsAsync();

        Assert.Empty(unreleased.Quarters);
        Assert.Equal([Q1], unreleased.AwaitingRelease);
        Assert.Equal([Q1], contents.Quarters);
        Assert.Empty(contents.AwaitingRelease);
        Assert.Equal(["Children's Trust Board"], contents.Boards.Select(b => b.Name));
        Assert.Equal(["Children and Families"], contents.Directorates.Select(d => d.Name));
    }

    [Fact]
    public async Task The_directorate_scorecard_brings_ratings_key_indicators_and_self_assessment_together()
    {
        await Submit(Council.Schools.Id, TestCouncil.Q2, 90m, "On target.");
        await Submit(Council.TemporaryAccommodation.Id, TestCouncil.Q2, 120m, "Above target.");
        await SignOff(TestCouncil.Q2);
        await using (var write = Database.NewContext())
        {
            await new WriteSelfAssessment(write, Clock).HandleAsync(
                new WriteSelfAssessment.Command(Council.PerformanceLead.Id, Council.Directorate.Id, TestCouncil.Q2, 0, "Recruitment of social workers is our main concern."));
        }

        await using var db = Database.NewContext();
        var view = (await new PublishedScorecards(db, Clock).DirectorateAsync(Council.Directorate.Id, TestCouncil.Q2))!;

        var line = Assert.Single(view.Priorities);
        Assert.Equal(("CPP-C1", "Children's Trust Board", "Lee Officer", RatingPublication.NotYetRated), (line.Priority.Code, line.BoardName, line.LeadOfficerName, line.Rating.State));
        Assert.Equal([("CPP-C1a", Rag.Green), ("CPP-C1b", Rag.Red)], view.Indicators.Select(i => (i.Result.Indicator.Code, i.Result.Rag)));
        Assert.Equal("Recruitment of social workers is our main concern.", view.SelfAssessment);
    }

    [Fact]
    public async Task An_unknown_directorate_and_a_board_that_owns_no_priorities_have_no_scorecard()
    {
        var chair = new Person(Guid.NewGuid(), "Cllr Audit", "audit@council.test");
        var audit = new Board(Guid.NewGuid(), "Governance and Audit Committee", BoardKind.GovernanceAndAudit, chair);
        await using (var write = Database.NewContext())
        {
            write.People.Add(chair);
            write.Boards.Add(audit);
            await write.SaveChangesAsync();
        }

        await using var db = Database.NewContext();
        var scorecards = new PublishedScorecards(db, Clock);

        Assert.Null(await scorecards.DirectorateAsync(Guid.NewGuid(), TestCouncil.Q2));
        Assert.Null(await scorecards.BoardAsync(audit.Id, TestCouncil.Q2));
        Assert.Null(await scorecards.BoardAsync(Guid.NewGuid(), TestCouncil.Q2));
    }

    private static PublishedResult Schools(PublishedScorecards.BoardView view) =>
        view.Priorities.Single().Indicators.Single(i => i.Result.Indicator.Code == "CPP-C1a");

    private static PublishedResult Accommodation(PublishedScorecards.BoardView view) =>
        view.Priorities.Single().Indicators.Single(i => i.Result.Indicator.Code == "CPP-C1b");

    private async Task<PublishedScorecards.BoardView> Board()
    {
        await using var db = Database.NewContext();
        return (await new PublishedScorecards(db, Clock).BoardAsync(Council.Board.Id, TestCouncil.Q2))!;
    }

    private async Task Submit(Guid indicatorId, Period period, decimal value, string commentary, bool asDraft = false)
    {
        await using var db = Database.NewContext();
        var returnId = await db.Returns.Where(r => r.IndicatorId == indicatorId && r.Period == period).Select(r => r.Id).SingleAsync();
        await new SubmitReturn(db, Clock).HandleAsync(new SubmitReturn.Command(Council.Owner.Id, returnId, TestCouncil.Entry(value, commentary), asDraft));
    }

    private async Task SignOff(Period period)
    {
        await using var db = Database.NewContext();
        await new SignOffReturns(db, Clock).SignOffAllAsync(Council.PerformanceLead.Id, Council.Directorate.Id, period);
    }

    private async Task<PriorityRating> Propose(string summary)
    {
        await using var db = Database.NewContext();
        return await new ProposeRating(db, Clock).HandleAsync(new ProposeRating.Command(Council.LeadOfficer.Id, Council.Priority.Id, TestCouncil.Q2, Rag.Green, summary));
    }

    private async Task Decide(Guid ratingId, DecideRating.Decision decision)
    {
        await using var db = Database.NewContext();
        await new DecideRating(db, Clock).HandleAsync(new DecideRating.Command(Council.Chair.Id, ratingId, decision));
    }

    private async Task OpenReturns(params Period[] periods)
    {
        await using var db = Database.NewContext();
        var indicators = await db.Indicators.Include(i => i.Targets).ToListAsync();
        var calendar = ReturnCalendar.EnglandAndWales();
        foreach (var period in periods)
        {
            db.Returns.AddRange(indicators.Select(i => IndicatorReturn.Open(i, period, calendar.WindowFor(period).Due, Clock.GetUtcNow())));
        }

        await db.SaveChangesAsync();
    }
}
