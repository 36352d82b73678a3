using Microsoft.EntityFrameworkCore;
using PmfBot.Bot.Tests.Publication.Support;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Results;
using PmfBot.Domain.Returns;
using PmfBot.Domain.Scorecards;
using static PmfBot.Bot.Tests.Publication.Support.ScorecardReading;

namespace PmfBot.Bot.Tests.Publication;

/// <summary>Adults and Health signs off its returns: on 24 November 2025 about half of its Q2 returns are signed off.</summary>
public sealed class DirectorateScorecardPageTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    private static readonly Period Q2 = Period.Quarter(2025, 2);

    private PublishedSite Site => fixture.Site;

    [Fact]
    public async Task The_directorate_page_shows_its_priorities_key_indicators_and_self_assessment()
    {
        await using var db = Site.NewContext();
        var ah = await db.Directorates.SingleAsync(d => d.Code == "AH");
        var priorities = (await db.Priorities.Where(p => p.DirectorateId == ah.Id).Select(p => p.Code).ToListAsync()).Order(StringComparer.Ordinal);
        var indicators = (await db.Indicators.Where(i => i.DirectorateId == ah.Id).Select(i => i.Code).ToListAsync()).Order(StringComparer.Ordinal);
        var assessment = await db.SelfAssessments.Where(s => s.DirectorateId == ah.Id && s.Period == Q2).Select(s => s.Concerns).SingleAsync();

        var (_, page) = await Site.PageAsync("/published/2025-26-Q2/directorates/ah");

        Assert.Equal("Adults and Health", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("Director: Martin Greaves.", page.QuerySelector("main p")!.TextContent);
        Assert.Equal(priorities, Rows(page.QuerySelector("section[aria-labelledby=priorities] table")).Select(r => r.Code));
        Assert.Equal(indicators, Rows(page.QuerySelector("section[aria-labelledby=indicators] table")).Select(r => r.Code));
        Assert.Equal(assessment, page.QuerySelector("section[aria-labelledby=self-assessment] p")!.TextContent);
    }

    [Fact]
    public async Task A_return_awaiting_directorate_sign_off_shows_no_value_rag_or_commentary_until_signed_off()
    {
        await using var db = Site.NewContext();
        var ah = await db.Directorates.SingleAsync(d => d.Code == "AH");
        var states = new Dictionary<string, ReturnState>();
        foreach (var indicator in await db.Indicators.Where(i => i.DirectorateId == ah.Id).ToListAsync())
        {
            var period = IndicatorResults.PeriodFor(indicator.Frequency, Q2);
            var state = await db.Returns.Where(r => r.IndicatorId == indicator.Id && r.Period == period).Select(r => (ReturnState?)r.State).SingleOrDefaultAsync();
            if (state is { } s)
            {
                states[indicator.Code] = s;
            }
        }

        var (_, page) = await Site.PageAsync("/published/2025-26-Q2/directorates/AH");
        var rows = Rows(page.QuerySelector("section[aria-labelledby=indicators] table"));

        var awaiting = rows.Where(r => states.GetValueOrDefault(r.Code) == ReturnState.Submitted).ToList();
        var signedOff = rows.Where(r => states.GetValueOrDefault(r.Code) == ReturnState.SignedOff).ToList();
        Assert.NotEmpty(awaiting);
        Assert.NotEmpty(signedOff);
        Assert.All(awaiting, r => Assert.Equal(("Awaiting directorate sign-off", "", ""), (r.Result, r.Rag, r.Commentary)));
        Assert.All(signedOff, r => Assert.NotEqual("", r.Rag));

        await Site.UseAsync<SignOffReturns, int>(signOff => signOff.SignOffAllAsync(ah.PerformanceLeadId!.Value, ah.Id, Q2));
        var (_, after) = await Site.PageAsync("/published/2025-26-Q2/directorates/ah");
        var quarterly = awaiting.Where(r => r.Cells[0] == "Quarter 2 2025/26").Select(r => r.Code).ToList();
        Assert.NotEmpty(quarterly);
        Assert.All(Rows(after.QuerySelector("section[aria-labelledby=indicators] table")).Where(r => quarterly.Contains(r.Code)),
            r => Assert.NotEqual("", r.Rag));
    }

    [Fact]
    public async Task A_self_assessment_with_markup_is_shown_as_written()
    {
        const string concerns = "<script>alert('self')</script> Care home fees rose by 9% & \"agency\" spend doubled.";
        await using var db = Site.NewContext();
        var cf = await db.Directorates.SingleAsync(d => d.Code == "CF");
        var version = await db.SelfAssessments.Where(s => s.DirectorateId == cf.Id && s.Period == Q2).Select(s => s.Version).SingleOrDefaultAsync();
        await Site.UseAsync<WriteSelfAssessment, SelfAssessment>(write => write.HandleAsync(
            new WriteSelfAssessment.Command(cf.DirectorId!.Value, cf.Id, Q2, version, concerns)));

        var (_, page) = await Site.PageAsync("/published/2025-26-Q2/directorates/cf");

        Assert.Empty(page.QuerySelectorAll("script"));
        Assert.Equal(concerns, page.QuerySelector("section[aria-labelledby=self-assessment] p")!.TextContent);
    }
}
