using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Import;
using PmfBot.Domain.People;
using PmfBot.Domain.RagRatings;
using PmfBot.Domain.Returns;
using PmfBot.Tests.Support;

namespace PmfBot.Domain.Tests.Import;

public sealed class PastValuesImportOnSqlite() : PastValuesImportTests(new SqliteTestDatabase());

public sealed class PastValuesImportOnPostgres() : PastValuesImportTests(new PostgresTestDatabase());

/// <summary>Past values become submitted returns marked imported; anything doubtful is refused with its line.</summary>
public abstract class PastValuesImportTests(TestDatabase database) : ImportTest(database)
{
    private const string Header = "Indicator code,Period,Value,Data not available reason,Commentary\n";

    [Theory]
    [InlineData("RM-XX9,2024-25-Q1,80,,", "line 2, column Indicator code: PmfBot has no indicator RM-XX9: import the single data list that has it first, or check the code.")]
    [InlineData("RM-ASC1,2024-25-M07,80,,", "line 2, column Period: RM-ASC1 is reported quarterly, so it has no value for Oct 2024/25: give one row per quarter (2024-25-Q1).")]
    [InlineData("RM-PE4,2024-25-Q2,80,,", "line 2, column Period: RM-PE4 is reported annually, so it has no value for Q2 2024/25: give one row per year (2024-25).")]
    [InlineData("RM-ASC1,2025-26-Q3,80,,", "line 2, column Period: Q3 2025/26 has not ended yet (it ends on 31 December 2025): only past values can be imported.")]
    [InlineData("RM-ASC1,2024 Q1,80,,", "line 2, column Period: '2024 Q1' is not a period: write it like 2024-25-Q1 (a quarter), 2024-25-M07 (a month, April is M01), 2024-25-H1 (a half year) or 2024-25 (the year).")]
    [InlineData("RM-ASC1,2024-25-Q1,about 80,,", "line 2, column Value: 'about 80' is not a number.")]
    [InlineData("RM-ASC1,2024-25-Q1,,,", "line 2, column Value: this cell is empty: give the value, or say in 'Data not available reason' why there is none.")]
    public async Task A_doubtful_row_is_refused_with_its_line_and_column_and_nothing_is_written(string row, string problem)
    {
        await ImportSampleDataListAsync();

        var result = await ImportAsync(Header + "RM-ASC1,2024-25-Q4,83.1,,\n" + row.Replace("line 2", "line 3", StringComparison.Ordinal));

        Assert.False(result.Succeeded);
        Assert.Equal(problem.Replace("line 2", "line 3", StringComparison.Ordinal), Assert.Single(result.Problems).ToString());
        await using var db = Database.NewContext();
        Assert.False(await db.Returns.AnyAsync());
    }

    [Fact]
    public async Task The_same_indicator_and_period_twice_is_refused()
    {
        await ImportSampleDataListAsync();

        var result = await ImportAsync(Header + "RM-ASC1,2024-25-Q4,83.1,,\nRM-ASC1,2024-25-Q4,83.2,,\n");

        Assert.Equal("line 3, column Period: RM-ASC1 already has a value for Q4 2024/25 on line 2: one row per indicator and period.", Assert.Single(result.Problems).ToString());
    }

    [Fact]
    public async Task Values_are_kept_as_submitted_imported_returns_rated_by_the_domains_own_rule()
    {
        await ImportSampleDataListAsync();

        var result = Succeeded(await ImportSampleAsync("values.csv"));

        Assert.Equal(ImportKind.PastValues, result.Kind);
        Assert.Equal(["past values: 31 created, 0 updated, 0 unchanged"], result.Summary);
        await using var db = Database.NewContext();
        var returns = await db.Returns.Include(r => r.Indicator).ToListAsync();
        Assert.Equal(31, returns.Count);
        Assert.All(returns, r => Assert.True(r.IsImported && r.State == ReturnState.Submitted && r.HasAnswer));
        var asc1 = returns.Single(r => r.Indicator.Code == "RM-ASC1" && r.Period == Period.Quarter(2024, 3));
        Assert.Equal((80.9m, 82m, Rag.Amber), (asc1.Value, asc1.Target, asc1.ComputedRag));
        Assert.Equal("Winter pressures slowed reablement starts.", asc1.Commentary);
        var homes = returns.Single(r => r.Indicator.Code == "RM-PE3" && r.Period == Period.Quarter(2025, 2));
        Assert.Equal((96m, 99m, Rag.Amber), (homes.Value, homes.Target, homes.ComputedRag)); // 45% of the annual 220
    }

    [Fact]
    public async Task Importing_the_values_again_changes_nothing()
    {
        await ImportSampleDataListAsync();
        await ImportSampleAsync("values.csv");
        int auditLines;
        await using (var db = Database.NewContext())
        {
            auditLines = await db.AuditLog.CountAsync();
        }

        var again = Succeeded(await ImportSampleAsync("values.csv"));

        Assert.Equal(["past values: 0 created, 0 updated, 31 unchanged"], again.Summary);
        await using var after = Database.NewContext();
        Assert.Equal(31, await after.Returns.CountAsync());
        Assert.Equal(auditLines, await after.AuditLog.CountAsync());
    }

    [Fact]
    public async Task A_return_submitted_through_PmfBot_is_overwritten_only_when_asked()
    {
        await ImportSampleDataListAsync();
        var q2 = Period.Quarter(2025, 2);
        await using (var db = Database.NewContext())
        {
            var indicator = await db.Indicators.Include(i => i.Targets).Include(i => i.Collators).SingleAsync(i => i.Code == "RM-ASC1");
            var owner = await db.People.SingleAsync(p => p.Id == indicator.OwnerId);
            var ret = IndicatorReturn.Open(indicator, q2, ReturnCalendar.EnglandAndWales().WindowFor(q2).Due, Clock.GetUtcNow());
            ret.Submit(owner, new ReturnEntry(85m, null, null, null, "Reablement team at full strength.", null, null), UkTime.Today(Clock), Clock.GetUtcNow());
            db.Returns.Add(ret);
            await db.SaveChangesAsync();
        }

        var refused = await ImportAsync(Header + "RM-ASC1,2025-26-Q1,83.8,,\nRM-ASC1,2025-26-Q2,84.5,,\n");

        Assert.Equal(
            "line 3, column Value: the Q2 2025/26 return for RM-ASC1 was submitted through PmfBot (85): it is not replaced unless the import is run with --overwrite-submitted.",
            Assert.Single(refused.Problems).ToString());
        Assert.Equal(85m, await ValueAsync("RM-ASC1", q2));

        var asked = Succeeded(await ImportAsync(Header + "RM-ASC1,2025-26-Q1,83.8,,\nRM-ASC1,2025-26-Q2,84.5,,\n", overwriteSubmitted: true));

        Assert.Equal(["past values: 1 created, 1 updated, 0 unchanged", "overwrote a return submitted through PmfBot: RM-ASC1 2025-26-Q2 (was 85)"], asked.Summary);
        Assert.Equal(84.5m, await ValueAsync("RM-ASC1", q2));
        await using var read = Database.NewContext();
        var overwritten = await read.Returns.SingleAsync(r => r.Period == q2);
        Assert.True(overwritten.IsImported);
        Assert.Equal("overwritten by import", (await read.AuditLog.Where(a => a.EntityId == overwritten.Id).OrderByDescending(a => a.Id).FirstAsync()).Action);
    }

    [Fact]
    public async Task The_same_value_as_a_return_submitted_through_PmfBot_is_no_change_and_no_refusal()
    {
        await ImportSampleDataListAsync();
        var q2 = Period.Quarter(2025, 2);
        await using (var db = Database.NewContext())
        {
            var indicator = await db.Indicators.Include(i => i.Targets).SingleAsync(i => i.Code == "RM-ASC1");
            var owner = await db.People.SingleAsync(p => p.Id == indicator.OwnerId);
            var ret = IndicatorReturn.Open(indicator, q2, ReturnCalendar.EnglandAndWales().WindowFor(q2).Due, Clock.GetUtcNow());
            ret.Submit(owner, new ReturnEntry(84.5m, null, null, null, "On target.", null, null), UkTime.Today(Clock), Clock.GetUtcNow());
            db.Returns.Add(ret);
            await db.SaveChangesAsync();
        }

        var result = Succeeded(await ImportAsync(Header + "RM-ASC1,2025-26-Q2,84.5,,On target.\n"));

        Assert.Equal(["past values: 0 created, 0 updated, 1 unchanged"], result.Summary);
        await using var read = Database.NewContext();
        Assert.False((await read.Returns.SingleAsync()).IsImported);
    }

    private async Task<decimal?> ValueAsync(string code, Period period)
    {
        await using var db = Database.NewContext();
        return await db.Returns.Where(r => r.Indicator.Code == code && r.Period == period).Select(r => r.Value).SingleAsync();
    }
}
