using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.BoardActions;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Import;
using PmfBot.Domain.RagRatings;
using PmfBot.Domain.Returns;
using PmfBot.Domain.Scorecards;
using PmfBot.Domain.Risks;
using PmfBot.Domain.Status;
using PmfBot.Domain.Travel;
using PmfBot.Tests.Support;

namespace PmfBot.Domain.Tests.Import;

public sealed class SampleCouncilImportOnSqlite() : SampleCouncilImportTests(new SqliteTestDatabase());

public sealed class SampleCouncilImportOnPostgres() : SampleCouncilImportTests(new PostgresTestDatabase());

/// <summary>The second sample council (samples/rivermouth) into an empty database: data list, values, actions, risks.</summary>
public abstract class SampleCouncilImportTests(TestDatabase database) : ImportTest(database)
{
    private static readonly string[] Files = ["data-list.csv", "values.csv", "actions.csv", "risks.csv"];

    [Fact]
    public async Task The_four_files_import_in_order_and_again_without_change()
    {
        var first = new List<ImportResult>();
        foreach (var file in Files)
        {
            first.Add(Succeeded(await ImportSampleAsync(file)));
        }

        Assert.Equal([ImportKind.DataList, ImportKind.PastValues, ImportKind.BoardActions, ImportKind.Risks], first.Select(r => r.Kind));
        Assert.Equal(new Tally(6, 0, 0), first[0].Counts!.Indicators);
        Assert.Equal(["board actions: 3 created, 0 updated, 0 unchanged"], first[2].Summary);
        Assert.Equal(["risks: 3 created, 0 updated, 0 unchanged"], first[3].Summary);
        int auditLines;
        await using (var db = Database.NewContext())
        {
            auditLines = await db.AuditLog.CountAsync();
        }

        foreach (var file in Files)
        {
            var again = Succeeded(await ImportSampleAsync(file));
            Assert.Empty(again.Retired);
            Assert.DoesNotContain(again.Lines(), l => l.Contains(" created", StringComparison.Ordinal) && !l.Contains(" 0 created", StringComparison.Ordinal));
        }

        await using var after = Database.NewContext();
        Assert.Equal(auditLines, await after.AuditLog.CountAsync());
        Assert.Equal(3, await after.BoardActions.CountAsync());
        Assert.Equal(3, await after.Risks.CountAsync());
        Assert.Equal(31, await after.Returns.CountAsync());
    }

    [Fact]
    public async Task The_role_columns_make_the_performance_team_board_members_and_who_answers_the_self_assessment()
    {
        await ImportSampleDataListAsync();

        await using var db = Database.NewContext();
        Assert.Equal(["ben.adeyemi@rivermouth-council.example", "sophie.hart@rivermouth-council.example"],
            await db.People.Where(p => p.IsPerformanceTeam).Select(p => p.Email).OrderBy(e => e).ToListAsync());
        var care = await db.Boards.Include(b => b.Members).SingleAsync(b => b.Name == "Rivermouth Health and Care Partnership");
        var members = await db.People.Where(p => care.Members.Select(m => m.PersonId).Contains(p.Id)).Select(p => p.Name).OrderBy(n => n).ToListAsync();
        Assert.Equal(["Cllr Nia Okafor", "Dr Owen Price", "Helen Marsh", "Ruth Ellery"], members);
        var scrutiny = await db.Boards.Include(b => b.Members).SingleAsync(b => b.Name == "Rivermouth Overview and Scrutiny Committee");
        Assert.Equal(3, scrutiny.Members.Count);
        var asch = await db.Directorates.SingleAsync(d => d.Code == "ASCH");
        var pe = await db.Directorates.SingleAsync(d => d.Code == "PE");
        var ruth = await db.People.SingleAsync(p => p.Email == "ruth.ellery@rivermouth-council.example");
        Assert.Equal(ruth.Id, asch.SelfAssessedBy);
        Assert.Equal(pe.PerformanceLeadId, pe.SelfAssessedBy); // blank: the performance lead
    }

    [Fact]
    public async Task Imported_values_give_travel_against_the_same_quarter_last_year_in_a_priority_status()
    {
        await ImportSampleDataListAsync();
        Succeeded(await ImportSampleAsync("values.csv"));

        await using var db = Database.NewContext();
        var priority = await db.Priorities.SingleAsync(p => p.Code == "RCP-1");
        var status = await new PriorityStatus(db, Clock).LoadAsync(priority.Id, Period.Quarter(2025, 2));

        var reablement = status.Indicators.Single(i => i.Indicator.Code == "RM-ASC1");
        Assert.Equal((84.5m, Rag.Green), (reablement.Value, reablement.Rag));
        Assert.Equal(new TravelAssessment(DirectionOfTravel.Improving, DirectionOfTravel.Improving), reablement.Travel); // 83.8 last quarter, 82.6 a year ago
        var placements = status.Indicators.Single(i => i.Indicator.Code == "RM-ASC2");
        Assert.Equal(new TravelAssessment(DirectionOfTravel.Worsening, DirectionOfTravel.NoChange), placements.Travel); // lower is better: 36, then 39; 39 a year ago
        Assert.Equal(Rag.Amber, placements.Rag);
        Assert.Equal(6, reablement.Trend.Count(t => t.Value is not null));
    }

    [Fact]
    public async Task Imported_values_are_published_without_sign_off_in_a_directorate_that_signs_off()
    {
        await ImportSampleDataListAsync();
        Succeeded(await ImportSampleAsync("values.csv"));

        await using var db = Database.NewContext();
        var asch = await db.Directorates.SingleAsync(d => d.Code == "ASCH");
        Assert.True(asch.UsesSignOff);
        var view = await new PublishedScorecards(db, Clock).DirectorateAsync(asch.Id, Period.Quarter(2025, 2));

        Assert.All(view!.Indicators, i => Assert.True(i.IsPublished, i.Result.Indicator.Code));
        Assert.Equal(0, await new SignOffReturns(db, Clock).SignOffAllAsync(asch.PerformanceLeadId!.Value, asch.Id, Period.Quarter(2025, 2)));
    }

    [Fact]
    public async Task Actions_and_risks_are_updated_in_place_by_priority_and_title()
    {
        await ImportSampleDataListAsync();
        Succeeded(await ImportSampleAsync("actions.csv"));
        Succeeded(await ImportSampleAsync("risks.csv"));

        var actions = Succeeded(await ImportAsync(
            "Priority code,Action,Owner email,Due date,Status\n"
            + "rcp-3,Bring forward the  Harbour Road site for affordable housing,josh.keane@rivermouth-council.example,2026-03-31,complete\n"));
        var risks = Succeeded(await ImportAsync(
            "Priority code,Risk,Impact before mitigation,Likelihood before mitigation,Impact after mitigation,Likelihood after mitigation\n"
            + "RCP-1,Home care market cannot meet demand over winter,H,H,M,L\n"));

        Assert.Equal(["board actions: 0 created, 1 updated, 0 unchanged"], actions.Summary);
        Assert.Equal(["risks: 0 created, 1 updated, 0 unchanged"], risks.Summary);
        await using var db = Database.NewContext();
        var harbour = await db.BoardActions.SingleAsync(a => a.Title.StartsWith("Bring forward"));
        Assert.Equal((ActionStatus.Complete, new DateOnly(2026, 3, 31)), (harbour.Status, harbour.DueDate));
        Assert.Equal(3, await db.BoardActions.CountAsync());
        var care = await db.Risks.SingleAsync(r => r.Title.StartsWith("Home care"));
        Assert.Equal((RiskLevel.Medium, RiskLevel.Low), (care.ResidualImpact, care.ResidualLikelihood));
        Assert.NotNull(care.OwnerId); // a file without the owner column leaves the owner as it was
        Assert.Equal(3, await db.Risks.CountAsync());
    }

    [Fact]
    public async Task An_action_or_risk_for_a_priority_or_person_PmfBot_does_not_know_is_refused()
    {
        await ImportSampleDataListAsync();

        var actions = await ImportAsync("Priority code,Action,Owner email,Due date,Status\nRCP-9,Do something,nobody@rivermouth-council.example,31/13/2026,soon\n");
        var risks = await ImportAsync("Priority code,Risk,Impact before mitigation,Likelihood before mitigation,Impact after mitigation,Likelihood after mitigation\nRCP-1,Flood,severe,high,high,high\n");

        Assert.Equal(
            [
                "line 2, column Priority code: PmfBot has no priority RCP-9: import the single data list that has it first, or check the code.",
                "line 2, column Owner email: PmfBot does not know nobody@rivermouth-council.example: name them in the single data list (as an owner, collator or board member) and import that first.",
                "line 2, column Due date: '31/13/2026' is not a date: write it as 31/03/2026 or 2026-03-31.",
                "line 2, column Status: 'soon' is not an action status: use not started, on track, delayed or complete.",
            ],
            actions.Problems.Select(p => p.ToString()));
        Assert.Equal("line 2, column Impact before mitigation: 'severe' is not a risk level: use low, medium or high.", Assert.Single(risks.Problems).ToString());
        await using var db = Database.NewContext();
        Assert.False(await db.BoardActions.AnyAsync());
        Assert.False(await db.Risks.AnyAsync());
    }
}
