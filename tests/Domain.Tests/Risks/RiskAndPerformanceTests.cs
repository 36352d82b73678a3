using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Returns;
using PmfBot.Domain.Risks;
using PmfBot.Domain.Summaries;
using PmfBot.Domain.Tests.Support;
using PmfBot.Tests.Support;

namespace PmfBot.Domain.Tests.Risks;

public sealed class RiskAndPerformanceOnSqlite() : RiskAndPerformanceTests(new SqliteTestDatabase());

public sealed class RiskAndPerformanceOnPostgres() : RiskAndPerformanceTests(new PostgresTestDatabase());

/// <summary>Where red indicators and a risk still high after mitigation meet, on a small council built here.</summary>
public abstract class RiskAndPerformanceTests(TestDatabase database) : DatabaseTest(database)
{
    [Theory]
    [InlineData(RiskLevel.High, RiskLevel.High, true)]
    [InlineData(RiskLevel.High, RiskLevel.Medium, true)]
    [InlineData(RiskLevel.Medium, RiskLevel.High, true)]
    [InlineData(RiskLevel.Medium, RiskLevel.Medium, false)]
    [InlineData(RiskLevel.High, RiskLevel.Low, false)]
    public void A_residual_risk_is_high_from_impact_times_likelihood_of_six(RiskLevel impact, RiskLevel likelihood, bool high)
    {
        var risk = new Risk(Guid.NewGuid(), Guid.NewGuid(), "Teacher vacancies", RiskLevel.High, RiskLevel.High, impact, likelihood);

        Assert.Equal(high, RiskAndPerformance.IsHighResidual(risk));
    }

    [Fact]
    public async Task The_board_reads_a_priority_whose_red_indicator_meets_a_high_residual_risk()
    {
        await SubmitAsync(Council.Schools.Id, 50);
        await SubmitAsync(Council.TemporaryAccommodation.Id, 90);
        await AddRiskAsync("Teacher vacancies stay unfilled", RiskLevel.High, RiskLevel.Medium);
        await AddRiskAsync("Transport contract ends", RiskLevel.Low, RiskLevel.Low);

        var meeting = (await PriorityAsync()).RiskMeetsRed;

        Assert.NotNull(meeting);
        Assert.Equal([Council.Schools.Code], meeting.RedIndicators.Select(r => r.Indicator.Code));
        Assert.Equal(["Teacher vacancies stay unfilled"], meeting.HighRisks.Select(r => r.Title));
    }

    [Fact]
    public async Task Red_without_a_high_risk_or_a_high_risk_without_red_is_not_named()
    {
        await SubmitAsync(Council.Schools.Id, 50);
        await AddRiskAsync("Transport contract ends", RiskLevel.Medium, RiskLevel.Medium);
        Assert.Null((await PriorityAsync()).RiskMeetsRed);

        await using (var db = Database.NewContext())
        {
            db.Risks.RemoveRange(db.Risks);
            await db.SaveChangesAsync();
        }

        await SubmitAsync(Council.Schools.Id, 82, correcting: true);
        await AddRiskAsync("Teacher vacancies stay unfilled", RiskLevel.High, RiskLevel.High);
        Assert.Null((await PriorityAsync()).RiskMeetsRed);
    }

    private async Task<BoardResults.PriorityView> PriorityAsync()
    {
        await using var db = Database.NewContext();
        var boards = await BoardResults.LoadAsync(db, Council.Board.Id, TestCouncil.Q2, new DateOnly(2025, 10, 6), CancellationToken.None);
        return Assert.Single(Assert.Single(boards).Priorities);
    }

    private async Task AddRiskAsync(string title, RiskLevel impact, RiskLevel likelihood)
    {
        await using var db = Database.NewContext();
        db.Risks.Add(new Risk(Guid.NewGuid(), Council.Priority.Id, title, RiskLevel.High, RiskLevel.High, impact, likelihood));
        await db.SaveChangesAsync();
    }

    private async Task SubmitAsync(Guid indicatorId, decimal value, bool correcting = false)
    {
        await using var db = Database.NewContext();
        var ret = await db.Returns.SingleAsync(r => r.IndicatorId == indicatorId && r.Period == TestCouncil.Q2);
        await new SubmitReturn(db, Clock).HandleAsync(new SubmitReturn.Command(Council.Owner.Id, ret.Id, TestCouncil.Entry(value), SeenVersion: correcting ? ret.Version : null));
    }
}
