using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Compliance;
using PmfBot.Domain.Exceptions;
using PmfBot.Domain.Nudges;
using PmfBot.Domain.RagRatings;
using PmfBot.Domain.Returns;
using PmfBot.Domain.Scorecards;
using PmfBot.Domain.Status;
using PmfBot.Domain.Tests.Support;
using PmfBot.Domain.Travel;
using PmfBot.Tests.Support;

namespace PmfBot.Domain.Tests.Results;

public sealed class QuarterlyResultsOnSqlite() : QuarterlyResultsTests(new SqliteTestDatabase());

public sealed class QuarterlyResultsOnPostgres() : QuarterlyResultsTests(new PostgresTestDatabase());

/// <summary>
/// Status, exceptions, scorecard, compliance and nudges over three quarters of history:
/// temporary accommodation (lower is better, target 100, tolerance 10) goes 90, 105, 120;
/// schools (higher is better, target 80, tolerance 5%) is 90 in Q2, well above target.
/// </summary>
public abstract class QuarterlyResultsTests(TestDatabase database) : DatabaseTest(database)
{
    private static readonly Period Q4Last = Period.Quarter(2024, 4);
    private static readonly Period Q1 = Period.Quarter(2025, 1);

    [Fact]
    public async Task Status_shows_each_indicator_with_rag_travel_and_trend()
    {
        await SubmitHistory();
        await using var db = Database.NewContext();

        var status = await new PriorityStatus(db, Clock).LoadAsync(Council.Priority.Id, TestCouncil.Q2);

        Assert.Equal("Children's Trust Board", status.BoardName);
        Assert.Equal("Lee Officer", status.LeadOfficerName);
        var ta = status.Indicators.Single(i => i.Indicator.Code == "CPP-C1b");
        Assert.Equal(120m, ta.Value);
        Assert.Equal(Rag.Red, ta.Rag);
        Assert.Equal(DirectionOfTravel.Worsening, ta.Travel.AgainstPreviousPeriod);
        Assert.Equal([null, null, null, null, null, 90m, 105m, 120m], ta.Trend.Select(t => t.Value));
        var schools = status.Indicators.Single(i => i.Indicator.Code == "CPP-C1a");
        Assert.Equal(Rag.Green, schools.Rag);
        Assert.Equal(DirectionOfTravel.NotComparable, schools.Travel.AgainstPreviousPeriod);
    }

    [Fact]
    public async Task Exceptions_list_worsening_beyond_tolerance_either_way()
    {
        await SubmitHistory();
        await using var db = Database.NewContext();

        var lines = await new ExceptionsReport(db, Clock).LoadAsync(Council.Board.Id, TestCouncil.Q2);

        var ta = lines.Single(l => l.Result.Indicator.Code == "CPP-C1b").Result.Exceptions.Select(e => e.Kind);
        Assert.Equal([ExceptionKind.BeyondToleranceBelow, ExceptionKind.WorseningTwoPeriods], ta);
        var schools = lines.Single(l => l.Result.Indicator.Code == "CPP-C1a").Result.Exceptions.Select(e => e.Kind);
        Assert.Equal([ExceptionKind.BeyondToleranceAbove], schools);
    }

    [Fact]
    public async Task A_return_missing_after_the_due_date_is_an_exception_and_late()
    {
        Clock.SetUtcNow(new DateTimeOffset(2025, 10, 20, 9, 0, 0, TimeSpan.Zero));
        await using var db = Database.NewContext();

        var lines = await new ExceptionsReport(db, Clock).LoadAsync(null, TestCouncil.Q2);

        Assert.All(lines, l => Assert.Contains(l.Result.Exceptions, e => e.Kind == ExceptionKind.Missing));
        Assert.All(lines, l => Assert.True(l.Result.IsLate));
        Assert.Equal(2, lines.Count);
    }

    [Fact]
    public async Task Compliance_counts_on_time_late_and_missing_by_directorate_and_owner()
    {
        await Submit(Council.Schools.Id, TestCouncil.Q2, 90m, at: new DateTimeOffset(2025, 10, 14, 16, 0, 0, TimeSpan.Zero));
        await Submit(Council.TemporaryAccommodation.Id, TestCouncil.Q2, 95m, at: new DateTimeOffset(2025, 10, 15, 9, 0, 0, TimeSpan.Zero));
        Clock.SetUtcNow(new DateTimeOffset(2025, 10, 20, 9, 0, 0, TimeSpan.Zero));
        await using var db = Database.NewContext();

        var report = await new ComplianceForPeriod(db, Clock).LoadAsync(TestCouncil.Q2);

        var directorate = Assert.Single(report.ByDirectorate);
        Assert.Equal(("Children and Families", 1, 1, 0), (directorate.Key, directorate.OnTime, directorate.Late, directorate.Missing));
        Assert.Equal(50m, directorate.PercentOnTime);
        Assert.Equal("Olivia Owner", Assert.Single(report.ByOwner).Key);
    }

    [Fact]
    public async Task Scorecard_brings_priorities_indicators_and_the_self_assessment_together()
    {
        await SubmitHistory();
        await using (var write = Database.NewContext())
        {
            var assessment = SelfAssessment.For(Council.Directorate, TestCouncil.Q2, Clock.GetUtcNow());
            var lead = await write.People.SingleAsync(p => p.Id == Council.PerformanceLead.Id);
            var directorate = await write.Directorates.SingleAsync();
            assessment.Write(lead, directorate, "Recruitment of social workers remains our main concern.", Clock.GetUtcNow());
            write.SelfAssessments.Add(assessment);
            await write.SaveChangesAsync();
        }

        await using var db = Database.NewContext();
        var scorecard = await new DirectorateScorecard(db, Clock).LoadAsync(Council.Directorate.Id, TestCouncil.Q2);

        Assert.Equal("CPP-C1", Assert.Single(scorecard.Priorities).Priority.Code);
        Assert.Equal([Rag.Green, Rag.Red], scorecard.Indicators.Select(i => i.Rag));
        Assert.Equal("Recruitment of social workers remains our main concern.", scorecard.SelfAssessment);
    }

    [Theory]
    [InlineData("2025-10-01", NudgeKind.ReturnsOpen)]
    [InlineData("2025-10-07", NudgeKind.Reminder)]
    [InlineData("2025-10-13", NudgeKind.Reminder)]
    [InlineData("2025-10-15", NudgeKind.Overdue)]
    [InlineData("2025-10-17", NudgeKind.Escalation)]
    public async Task An_owner_gets_one_nudge_a_day_listing_all_their_returns(string day, NudgeKind kind)
    {
        await using var db = Database.NewContext();

        var nudges = await WhoIsDue(db).OnAsync(DateOnly.Parse(day));

        var nudge = Assert.Single(nudges);
        Assert.Equal((Council.Owner.Id, kind, 2), (nudge.OwnerId, nudge.Kind, nudge.ReturnIds.Count));
        Assert.Equal(new DateOnly(2025, 10, 14), nudge.DueDate);
        Assert.Equal(Council.Manager.Id, nudge.ManagerId);
        Assert.Equal(Council.PerformanceLead.Id, nudge.PerformanceLeadId);
    }

    [Fact]
    public async Task Answered_returns_are_no_longer_chased_and_quiet_days_have_no_nudges()
    {
        await Submit(Council.Schools.Id, TestCouncil.Q2, 90m, at: Clock.GetUtcNow());
        await using var db = Database.NewContext();

        var reminder = Assert.Single(await WhoIsDue(db).OnAsync(new DateOnly(2025, 10, 13)));
        var quiet = await WhoIsDue(db).OnAsync(new DateOnly(2025, 10, 9));
        var fortnight = await WhoIsDue(db).BetweenAsync(new DateOnly(2025, 9, 30), new DateOnly(2025, 10, 31));

        Assert.Equal(Council.TemporaryAccommodation.Id, await db.Returns.Where(r => r.Id == reminder.ReturnIds[0]).Select(r => r.IndicatorId).SingleAsync());
        Assert.Empty(quiet);
        Assert.Equal([NudgeKind.ReturnsOpen, NudgeKind.Reminder, NudgeKind.Reminder, NudgeKind.Overdue, NudgeKind.Escalation], fortnight.Select(n => n.Kind));
    }

    [Fact]
    public async Task Opening_returns_twice_opens_each_once()
    {
        await using var db = Database.NewContext();
        var open = new OpenReturns(db, ReturnCalendar.EnglandAndWales(), Clock);

        var first = await open.OpenAsync(Period.Quarter(2025, 3));
        var second = await open.OpenAsync(Period.Quarter(2025, 3));

        Assert.Equal((2, 0), (first, second));
        var due = await db.Returns.Where(r => r.Period == Period.Quarter(2025, 3)).Select(r => r.DueDate).Distinct().SingleAsync();
        Assert.Equal(new DateOnly(2026, 1, 15), due);
    }

    private static WhoIsDue WhoIsDue(PmfBot.Domain.Storage.PmfDbContext db) => new(db, ReturnCalendar.EnglandAndWales(), new NudgePolicy());

    [Fact]
    public async Task The_shortest_trend_gives_the_same_ratings_travel_and_exceptions_as_the_full_one()
    {
        await SubmitHistory();
        await using var db = Database.NewContext();
        var indicators = await db.Indicators.AsNoTracking().Include(i => i.Targets).ToListAsync();
        var today = UkTime.Today(Clock);

        var full = await Domain.Results.IndicatorResults.LoadAsync(db, indicators, TestCouncil.Q2, today, CancellationToken.None);
        var shortest = await Domain.Results.IndicatorResults.LoadAsync(db, indicators, TestCouncil.Q2, today, CancellationToken.None, trendLength: Domain.Results.IndicatorResults.ShortestTrend);

        Assert.Equal(
            full.Select(r => (r.Indicator.Code, r.Value, r.Rag, r.Travel, Kinds: string.Join(",", r.Exceptions.Select(e => e.Kind)))),
            shortest.Select(r => (r.Indicator.Code, r.Value, r.Rag, r.Travel, Kinds: string.Join(",", r.Exceptions.Select(e => e.Kind)))));
        Assert.Contains(shortest, r => r.Exceptions.Any(e => e.Kind == ExceptionKind.WorseningTwoPeriods));
        Assert.All(shortest, r => Assert.Equal(3, r.Trend.Count));
    }

    private async Task SubmitHistory()
    {
        await using (var db = Database.NewContext())
        {
            var open = new OpenReturns(db, ReturnCalendar.EnglandAndWales(), Clock);
            await open.OpenAsync(Q4Last);
            await open.OpenAsync(Q1);
        }

        await Submit(Council.TemporaryAccommodation.Id, Q4Last, 90m, Clock.GetUtcNow());
        await Submit(Council.TemporaryAccommodation.Id, Q1, 105m, Clock.GetUtcNow());
        await Submit(Council.TemporaryAccommodation.Id, TestCouncil.Q2, 120m, Clock.GetUtcNow());
        await Submit(Council.Schools.Id, TestCouncil.Q2, 90m, Clock.GetUtcNow());
    }

    private async Task Submit(Guid indicatorId, Period period, decimal value, DateTimeOffset at)
    {
        if (at > Clock.GetUtcNow())
        {
            Clock.SetUtcNow(at);
        }

        await using var db = Database.NewContext();
        var id = await db.Returns.Where(r => r.IndicatorId == indicatorId && r.Period == period).Select(r => r.Id).SingleAsync();
        await new SubmitReturn(db, Clock).HandleAsync(new SubmitReturn.Command(Council.Owner.Id, id, TestCouncil.Entry(value)));
    }
}
