using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.BoardActions;
using PmfBot.Domain.Boards;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Demo;
using PmfBot.Domain.Exceptions;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.Plans;
using PmfBot.Domain.RagRatings;
using PmfBot.Domain.Ratings;
using PmfBot.Domain.Results;
using PmfBot.Domain.Returns;
using PmfBot.Domain.Storage;
using PmfBot.Domain.Tests.Support;

namespace PmfBot.Domain.Tests.Demo;

public sealed class DemoCouncilTests(DemoCouncilFixture fixture) : IClassFixture<DemoCouncilFixture>
{
    private static readonly Period Q2 = Period.Quarter(2025, 2);

    [Fact]
    public void The_current_quarter_is_the_latest_whose_board_meetings_are_over()
    {
        Assert.Equal(Q2, DemoCouncil.CurrentQuarter(DemoCouncilFixture.Today));
        Assert.Equal(Period.Quarter(2025, 1), DemoCouncil.CurrentQuarter(new DateOnly(2025, 10, 20)));
    }

    [Fact]
    public async Task It_has_the_plans_boards_and_priorities_of_a_real_framework()
    {
        await using var db = fixture.Database.NewContext();

        Assert.True(fixture.Seeded);
        Assert.Equal([PlanKind.CityPriorityPlan, PlanKind.CouncilBusinessPlan], (await db.Plans.ToListAsync()).Select(p => p.Kind).Order());
        var boards = await db.Boards.ToListAsync();
        Assert.Equal(5, boards.Count(b => b.Kind == BoardKind.StrategicPartnership));
        Assert.Equal(1, boards.Count(b => b.Kind == BoardKind.BestCouncil));
        Assert.Equal(2, boards.Count(b => b.Kind == BoardKind.Scrutiny));
        Assert.Equal(1, boards.Count(b => b.Kind == BoardKind.GovernanceAndAudit));
        Assert.All(boards, b => Assert.NotNull(b.Channel));
        Assert.Equal(20, await db.Priorities.CountAsync());
        var owning = boards.Where(b => b.OwnsPriorities).Select(b => b.Id).ToHashSet();
        Assert.All(await db.Priorities.ToListAsync(), p => Assert.Contains(p.BoardId, owning));
    }

    [Fact]
    public async Task It_has_60_to_80_indicators_of_every_kind()
    {
        await using var db = fixture.Database.NewContext();
        var indicators = await db.Indicators.Include(i => i.Targets).Include(i => i.Priorities).Include(i => i.Collators).AsSplitQuery().ToListAsync();

        Assert.InRange(indicators.Count, 60, 80);
        Assert.All(Enum.GetValues<Frequency>(), f => Assert.Contains(indicators, i => i.Frequency == f));
        Assert.All(Enum.GetValues<Polarity>(), p => Assert.Contains(indicators, i => i.Polarity == p));
        Assert.All(Enum.GetValues<ToleranceKind>(), k => Assert.Contains(indicators, i => i.Tolerance.Kind == k && i.Tolerance.Amount > 0));
        Assert.Contains(indicators, i => i.IsNational);
        Assert.Contains(indicators, i => !i.IsNational);
        Assert.Contains(indicators, i => i.QuarterlyProfile is not null);
        Assert.Contains(indicators, i => i.Baseline is not null && i.Benchmark is not null);
        Assert.Contains(indicators, i => i.Collators.Count > 0);
        Assert.InRange(indicators.Count(i => i.ServesSeveralPriorities), 2, 10);
        Assert.Contains(indicators, i => i.Code == "NI 8");
        Assert.Contains(indicators, i => i.Targets.Any(t => t.Period.Kind == PeriodKind.Quarter));
    }

    [Fact]
    public async Task Its_people_have_fixed_entra_ids_managers_and_directorates()
    {
        await using var db = fixture.Database.NewContext();
        var people = await db.People.ToListAsync();

        Assert.Equal(DemoCouncil.People.All.Count, people.Count);
        Assert.Equal(people.Count, people.Select(p => p.EntraObjectId).Distinct().Count());
        var chair = people.Single(p => p.EntraObjectId == DemoCouncil.People.Chair.EntraObjectId);
        Assert.Equal(DemoCouncil.People.Chair.Id, chair.Id);
        Assert.Equal("Cllr Rosa Whitfield", chair.Name);
        var owner = people.Single(p => p.Id == DemoCouncil.People.Owner.Id);
        Assert.Equal(DemoCouncil.People.Manager.Id, owner.ManagerId);
        Assert.True(people.Single(p => p.Id == DemoCouncil.People.PerformanceOfficer.Id).IsPerformanceTeam);

        var directorates = await db.Directorates.ToListAsync();
        Assert.Equal(5, directorates.Count);
        Assert.All(directorates, d => Assert.NotNull(d.PerformanceLeadId));
        Assert.Equal(["AH"], directorates.Where(d => d.UsesSignOff).Select(d => d.Code));
        Assert.Equal(DemoCouncil.People.PerformanceLead.Id, directorates.Single(d => d.UsesSignOff).PerformanceLeadId);
    }

    [Fact]
    public async Task Two_financial_years_of_returns_each_with_its_audit_trail()
    {
        await using var db = fixture.Database.NewContext();
        var returns = await db.Returns.ToListAsync();
        var audited = await db.AuditLog.Where(a => a.EntityType == "Return").ToListAsync();

        Assert.Contains(returns, r => r.Period == Period.Quarter(2024, 1));
        Assert.Contains(returns, r => r.Period == Q2);
        Assert.DoesNotContain(returns, r => r.Period.End > Q2.End);
        Assert.Equal(returns.Count, audited.Count(a => a.Action == "opened"));
        Assert.Equal(returns.Count(r => r.SubmittedAt is not null), audited.Count(a => a.Action == "submitted"));
        Assert.Equal(returns.Count(r => r.State == ReturnState.SignedOff), audited.Count(a => a.Action == "signed off"));
        Assert.Contains(returns, r => r.Period.Year == 2024 && r.SubmittedLate);
    }

    [Fact]
    public async Task The_current_quarter_shows_green_amber_red_and_no_rating()
    {
        var results = await CurrentResultsAsync();
        var rags = results.GroupBy(r => r.Rag).ToDictionary(g => g.Key, g => g.Count());

        Assert.True(rags.GetValueOrDefault(Rag.Green) > 0, "greens");
        Assert.True(rags.GetValueOrDefault(Rag.Amber) > 0, "ambers");
        Assert.True(rags.GetValueOrDefault(Rag.Red) > 0, "reds");
        Assert.True(rags.GetValueOrDefault(Rag.NoTarget) > 0, "no target");
        Assert.True(rags.GetValueOrDefault(Rag.NoData) > 0, "no data");
    }

    [Theory]
    [InlineData(ExceptionKind.BeyondToleranceAbove, "CPP-E1")]
    [InlineData(ExceptionKind.BeyondToleranceBelow, "NI 154")]
    [InlineData(ExceptionKind.WorseningTwoPeriods, "NI 131")]
    [InlineData(ExceptionKind.Missing, "CPP-H4")]
    [InlineData(ExceptionKind.Red, "CPP-R4")]
    public async Task Every_kind_of_exception_shows_in_the_current_quarter(ExceptionKind kind, string example)
    {
        var results = await CurrentResultsAsync();

        Assert.Contains(results.Single(r => r.Indicator.Code == example).Exceptions, e => e.Kind == kind);
    }

    [Fact]
    public async Task The_current_quarter_has_missing_late_draft_not_available_overridden_and_sent_back_returns()
    {
        await using var db = fixture.Database.NewContext();
        var current = await db.Returns.Include(r => r.Indicator)
            .Where(r => r.Period == Q2 || r.Period == Period.Month(2025, 6) || r.Period == Period.HalfYear(2025, 1) || r.Period == Period.FinancialYear(2024))
            .ToListAsync();
        var today = DemoCouncilFixture.Today;

        Assert.Contains(current, r => r.State == ReturnState.Open && r.IsLate(today));
        Assert.Contains(current, r => r.State == ReturnState.Draft && r.IsLate(today));
        Assert.Contains(current, r => r.SubmittedLate && r.Period == Q2);
        Assert.Contains(current, r => r.HasAnswer && r.Value is null && r.NotAvailableReason is not null);
        Assert.Contains(current, r => r.OverrideRag == Rag.Red && r.ComputedRag == Rag.Amber && r.OverrideReason is not null);
        Assert.Contains(current, r => r.State == ReturnState.SentBack && r.SentBackComment is not null);
        Assert.Contains(current, r => r.State == ReturnState.SignedOff);
        Assert.Contains(current, r => r.State == ReturnState.Submitted && r.Indicator.DirectorateId is not null);
    }

    [Fact]
    public async Task The_demo_owner_has_a_missing_and_a_late_return()
    {
        await using var db = fixture.Database.NewContext();
        var owner = DemoCouncil.People.Owner.Id;
        var mine = await db.Returns.Include(r => r.Indicator).Where(r => r.Indicator.OwnerId == owner).ToListAsync();

        Assert.Contains(mine, r => r.IsLate(DemoCouncilFixture.Today));
        Assert.Contains(mine, r => r.SubmittedLate && r.Period == Q2);
    }

    [Fact]
    public async Task Ratings_are_proposed_approved_amended_and_sent_back()
    {
        await using var db = fixture.Database.NewContext();
        var ratings = await db.Ratings.Include(r => r.Priority).ToListAsync();
        var current = ratings.Where(r => r.Period == Q2).ToList();

        Assert.Equal(20, current.Count);
        Assert.Equal(20 * 6, ratings.Count);
        Assert.True(current.Count(r => r.State == RatingState.Approved) > 10);
        Assert.Single(current, r => r.State == RatingState.Amended);
        Assert.Single(current, r => r.State == RatingState.SentBack);
        Assert.Single(current, r => r.State == RatingState.Proposed);
        Assert.Single(current, r => r.State == RatingState.AwaitingProposal);
        Assert.Contains(ratings, r => r.Period == Period.Quarter(2025, 1) && r.State == RatingState.Amended);
        Assert.All(ratings.Where(r => r.State == RatingState.Amended), r => Assert.NotEqual(r.ProposedRag, r.AmendedRag));
        Assert.All(Enum.GetValues<Rag>().Where(r => r is Rag.Green or Rag.Amber or Rag.Red), rag => Assert.Contains(ratings, r => r.FinalRag == rag));
    }

    [Fact]
    public async Task Board_actions_risks_and_self_assessments_are_there()
    {
        await using var db = fixture.Database.NewContext();
        var actions = await db.BoardActions.Include(a => a.Progress).ToListAsync();
        var risks = await db.Risks.ToListAsync();
        var assessments = await db.SelfAssessments.ToListAsync();

        Assert.True(actions.Count >= 10);
        Assert.Contains(actions, a => a.Status == ActionStatus.Complete);
        Assert.Contains(actions, a => a.IsOverdue(DemoCouncilFixture.Today) && a.Status == ActionStatus.Delayed);
        Assert.Contains(actions, a => a.Progress.Count >= 2);
        Assert.True(risks.Count >= 12);
        Assert.Contains(risks, r => r.ResidualScore < (((int)r.InherentImpact + 1) * ((int)r.InherentLikelihood + 1)));
        Assert.All(risks, r => Assert.NotNull(r.Mitigation));
        Assert.Equal(5, assessments.Count(a => a.Period == Q2 && a.Concerns.Length > 0));
    }

    [Fact]
    public async Task Seeding_again_adds_nothing()
    {
        await using var db = fixture.Database.NewContext();
        var before = (await db.People.CountAsync(), await db.Returns.CountAsync(), await db.AuditLog.CountAsync());

        var seeded = await DemoCouncil.SeedAsync(db, fixture.Clock);

        Assert.False(seeded);
        Assert.Equal(before, (await db.People.CountAsync(), await db.Returns.CountAsync(), await db.AuditLog.CountAsync()));
    }

    [Fact]
    public async Task The_same_day_gives_the_same_council()
    {
        using var other = new InMemoryDatabase();
        await using (var db = other.NewContext())
        {
            await DemoCouncil.SeedAsync(db, fixture.Clock);
        }

        Assert.Equal(await FingerprintAsync(fixture.Database), await FingerprintAsync(other));
    }

    [Fact]
    public async Task A_database_with_a_council_of_its_own_is_not_given_the_demo()
    {
        using var other = new InMemoryDatabase();
        await using var db = other.NewContext();
        var chair = new People.Person(Guid.NewGuid(), "Cllr Own", "own@council.test");
        db.People.Add(chair);
        db.Boards.Add(new Board(Guid.NewGuid(), "Our board", BoardKind.StrategicPartnership, chair));
        await db.SaveChangesAsync();

        Assert.False(await DemoCouncil.SeedAsync(db, fixture.Clock));
        Assert.Equal(1, await db.People.CountAsync());
    }

    private async Task<IReadOnlyList<IndicatorResult>> CurrentResultsAsync()
    {
        await using var db = fixture.Database.NewContext();
        var indicators = await db.Indicators.Include(i => i.Targets).ToListAsync();
        return await IndicatorResults.LoadAsync(db, indicators, Q2, DemoCouncilFixture.Today, CancellationToken.None);
    }

    private static async Task<string> FingerprintAsync(InMemoryDatabase database)
    {
        await using PmfDbContext db = database.NewContext();
        var returns = await db.Returns.Include(r => r.Indicator).ToListAsync();
        return string.Join('\n', returns
            .OrderBy(r => r.Indicator.Code, StringComparer.Ordinal).ThenBy(r => r.Period)
            .Select(r => $"{r.Indicator.Code}|{r.Period}|{r.State}|{r.Value}|{r.EffectiveRag}|{r.SubmittedAt:O}|{r.Commentary}"));
    }
}
