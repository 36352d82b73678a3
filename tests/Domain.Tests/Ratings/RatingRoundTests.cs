using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Cycle;
using PmfBot.Domain.Nudges;
using PmfBot.Domain.RagRatings;
using PmfBot.Domain.Ratings;
using PmfBot.Domain.Returns;
using PmfBot.Domain.Tests.Support;
using PmfBot.Tests.Support;

namespace PmfBot.Domain.Tests.Ratings;

public sealed class RatingRoundOnSqlite() : RatingRoundTests(new SqliteTestDatabase());

public sealed class RatingRoundOnPostgres() : RatingRoundTests(new PostgresTestDatabase());

/// <summary>Q2 2025/26: returns due Tuesday 14 October, sign-off 21 October, board meeting 28 October.</summary>
public abstract class RatingRoundTests(TestDatabase database) : DatabaseTest(database)
{
    private static readonly ReturnCalendar Calendar = ReturnCalendar.EnglandAndWales();
    private static readonly QuarterCycle Q2 = QuarterCycle.For(TestCouncil.Q2, Calendar);

    [Fact]
    public async Task The_lead_is_asked_once_all_the_prioritys_returns_are_in()
    {
        Assert.Empty(await Round(r => r.ReadyWithoutRatingAsync(Q2, Today)));

        await SubmitAllAsync();
        var ready = await Round(r => r.ReadyWithoutRatingAsync(Q2, Today));
        var created = await Round(r => r.OpenAsync(Q2, Today));
        var again = await Round(r => r.OpenAsync(Q2, Today));
        var asks = await Round(r => r.AsksAsync(Q2, Today.AddDays(-1), Today));

        Assert.Equal([Council.Priority.Id], ready);
        Assert.Equal((1, 0), (created, again));
        var ask = Assert.Single(asks);
        Assert.Equal((RatingRound.AskKind.AskLead, Council.LeadOfficer.Id, Council.Board.Id, "2025-26-Q2"), (ask.Kind, ask.PersonId, ask.BoardId, ask.Occasion));
        Assert.NotNull(ask.RatingId);
    }

    [Fact]
    public async Task Once_the_due_date_has_passed_every_priority_is_asked_whatever_is_missing()
    {
        Assert.Empty(await Round(r => r.ReadyWithoutRatingAsync(Q2, Q2.Window.Due)));
        Assert.Equal([Council.Priority.Id], await Round(r => r.ReadyWithoutRatingAsync(Q2, Q2.Window.Due.AddDays(1))));
    }

    [Fact]
    public async Task A_preview_asks_the_lead_of_a_ready_priority_without_creating_its_rating()
    {
        var asks = await Round(r => r.AsksAsync(Q2, Q2.Window.Due, Q2.Window.Due.AddDays(1), includeUnopened: true));

        Assert.Equal((RatingRound.AskKind.AskLead, (Guid?)null), (Assert.Single(asks).Kind, asks[0].RatingId));
        await using var db = Database.NewContext();
        Assert.Equal(0, await db.Ratings.CountAsync());
    }

    [Fact]
    public async Task The_chair_is_asked_for_each_proposal_and_the_lead_again_after_a_send_back()
    {
        var rating = await ProposeAsync(Rag.Green);
        var toChair = Assert.Single(await Round(r => r.AsksAsync(Q2, Today, Today)));

        await using (var db = Database.NewContext())
        {
            var tracked = await db.Ratings.Include(r => r.Priority).SingleAsync(r => r.Id == rating.Id);
            tracked.SendBack(await db.People.SingleAsync(p => p.Id == Council.Chair.Id), await db.Boards.SingleAsync(), "Say what is being done about the two wards.", Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        var toLead = Assert.Single(await Round(r => r.AsksAsync(Q2, Today, Today)));
        Clock.Advance(TimeSpan.FromHours(1));
        await ProposeAsync(Rag.Amber);
        var toChairAgain = Assert.Single(await Round(r => r.AsksAsync(Q2, Today, Today)));

        Assert.Equal((RatingRound.AskKind.AskChair, Council.Chair.Id), (toChair.Kind, toChair.PersonId));
        Assert.Equal((RatingRound.AskKind.AskLead, Council.LeadOfficer.Id), (toLead.Kind, toLead.PersonId));
        Assert.StartsWith("sent-back-", toLead.Occasion);
        Assert.Equal(RatingRound.AskKind.AskChair, toChairAgain.Kind);
        Assert.NotEqual(toChair.Occasion, toChairAgain.Occasion);
    }

    [Fact]
    public async Task Leads_and_chairs_who_have_not_acted_are_reminded_3_and_1_working_days_before_the_board_meets()
    {
        Clock.SetUtcNow(UkTime.StartOf(Q2.Window.Due.AddDays(1)).AddHours(10));
        await Round(r => r.OpenAsync(Q2, Q2.Window.Due.AddDays(1)));

        var asks = await Round(r => r.AsksAsync(Q2, Q2.Window.SignOff, Q2.BoardMeeting));

        Assert.Equal(
            [(RatingRound.AskKind.AskLead, "2025-26-Q2"), (RatingRound.AskKind.RemindLead, "2025-10-23"), (RatingRound.AskKind.RemindLead, "2025-10-27")],
            asks.Select(a => (a.Kind, a.Occasion)).OrderBy(a => a.Kind).ThenBy(a => a.Occasion));
    }

    [Fact]
    public async Task Two_servers_opening_the_round_at_once_create_one_rating()
    {
        await SubmitAllAsync();

        var created = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Round(r => r.OpenAsync(Q2, Today)))));

        Assert.Equal(1, created.Sum());
        await using var db = Database.NewContext();
        Assert.Equal(1, await db.Ratings.CountAsync());
    }

    private DateOnly Today => UkTime.Today(Clock);

    private async Task<T> Round<T>(Func<RatingRound, Task<T>> use)
    {
        await using var db = Database.NewContext();
        return await use(new RatingRound(db, Calendar, new NudgePolicy(), Clock));
    }

    private async Task SubmitAllAsync()
    {
        await using var db = Database.NewContext();
        foreach (var id in await db.Returns.Select(r => r.Id).ToListAsync())
        {
            await new SubmitReturn(db, Clock).HandleAsync(new SubmitReturn.Command(Council.Owner.Id, id, TestCouncil.Entry(90)));
        }
    }

    private async Task<PriorityRating> ProposeAsync(Rag rag)
    {
        await using var db = Database.NewContext();
        return await new ProposeRating(db, Clock).HandleAsync(new ProposeRating.Command(Council.LeadOfficer.Id, Council.Priority.Id, TestCouncil.Q2, rag, "Attendance is on target in every ward."));
    }
}
