using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.Nudges;
using PmfBot.Domain.Returns;
using PmfBot.Tests.Support;
using Col = PmfBot.Domain.Import.DataListColumns;

namespace PmfBot.Domain.Tests.Import;

public sealed class RetiringOnSqlite() : RetiringTests(new SqliteTestDatabase());

public sealed class RetiringOnPostgres() : RetiringTests(new PostgresTestDatabase());

/// <summary>What the single data list no longer has is retired (kept, not opened or chased) and comes back when the list has it again.</summary>
public abstract class RetiringTests(TestDatabase database) : ImportTest(database)
{
    private static readonly Period Q2 = Period.Quarter(2025, 2);

    [Fact]
    public async Task An_indicator_the_list_no_longer_has_is_retired_kept_with_its_returns_and_no_longer_opened_or_chased()
    {
        Succeeded(await ImportAsync(DataListFile.Typical()));
        await OpenQ2ReturnsAsync(expected: 1);
        var withoutH2 = DataListFile.Empty().AddRow(DataListFile.IndicatorRow("CPP-H1", "Percentage of adults who are physically active"));

        var result = Succeeded(await ImportAsync(withoutH2));

        Assert.Equal(["indicator CPP-H2 Number of people supported to live at home", "link from CPP-H2 to priority CPP-H"], result.Retired);
        Assert.Contains("retired: indicator CPP-H2 Number of people supported to live at home", result.Lines());
        await using var db = Database.NewContext();
        var h2 = await db.Indicators.SingleAsync(i => i.Code == "CPP-H2");
        Assert.True(h2.IsRetired);
        Assert.Equal(1, await db.Returns.CountAsync(r => r.IndicatorId == h2.Id)); // its history is kept
        Assert.Empty(await new OpenReturns(db, ReturnCalendar.EnglandAndWales(), Clock).WouldOpenAsync(Q2.Next().Next()));
        var due = ReturnCalendar.EnglandAndWales().WindowFor(Q2).Due;
        Assert.Empty(await new WhoIsDue(db, ReturnCalendar.EnglandAndWales(), new NudgePolicy()).BetweenAsync(due.AddDays(-30), due.AddDays(30)));
        Assert.False(await db.Set<IndicatorPriority>().AnyAsync(l => l.IndicatorId == h2.Id)); // no longer counts towards its priority
    }

    [Fact]
    public async Task A_retired_indicator_that_comes_back_is_reinstated_with_its_link()
    {
        Succeeded(await ImportAsync(DataListFile.Typical()));
        Succeeded(await ImportAsync(DataListFile.Empty().AddRow(DataListFile.IndicatorRow("CPP-H1", "Percentage of adults who are physically active"))));

        var back = Succeeded(await ImportAsync(DataListFile.Typical()));

        Assert.Equal(["indicator CPP-H2 Number of people supported to live at home", "link from CPP-H2 to priority CPP-H"], back.Reinstated);
        Assert.Empty(back.Retired);
        await using var db = Database.NewContext();
        var h2 = await db.Indicators.Include(i => i.Priorities).SingleAsync(i => i.Code == "CPP-H2");
        Assert.False(h2.IsRetired);
        Assert.Single(h2.Priorities);
        Assert.Equal(1, await new OpenReturns(db, ReturnCalendar.EnglandAndWales(), Clock).OpenAsync(Q2));
    }

    [Fact]
    public async Task A_collator_target_or_priority_link_the_list_no_longer_has_is_retired_and_reinstated_when_it_returns()
    {
        var file = DataListFile.Typical();
        file.AddRow(DataListFile.IndicatorRow("CPP-H2", "Number of people supported to live at home", r =>
        {
            r[Col.PriorityCode] = "CPP-HX";
            r[Col.Priority] = "Support more people to live independently";
            r[Col.Unit] = "number";
            r[Col.Frequency] = "quarterly";
            r[Col.Tolerance] = "5%";
            r["Target 2025-26"] = "";
        }));
        Succeeded(await ImportAsync(file));
        file = DataListFile.Typical()
            .Set(3, Col.CollatorEmails, "Jo Bell <jo.bell@council.gov.uk>")
            .Set(3, "Target 2025-26-Q2", "");

        var result = Succeeded(await ImportAsync(file));

        Assert.Equal(
            ["target for CPP-H2 in 2025-26-Q2 (850)", "collator kim.lee@council.gov.uk on CPP-H2", "link from CPP-H2 to priority CPP-HX"],
            result.Retired);
        await using (var db = Database.NewContext())
        {
            var h2 = await db.Indicators.Include(i => i.Targets).Include(i => i.Collators).Include(i => i.Priorities).SingleAsync(i => i.Code == "CPP-H2");
            var kim = await db.People.SingleAsync(p => p.Email == "kim.lee@council.gov.uk");
            Assert.False(h2.MaySubmit(kim.Id));
            Assert.Equal(900m, h2.TargetFor(Q2)); // the profiled annual target now: 45% of 2000
            Assert.Single(h2.Priorities);
            Assert.Equal(3, await db.Set<IndicatorPriority>().IgnoreQueryFilters().CountAsync()); // kept, not deleted
        }

        var back = Succeeded(await ImportAsync(DataListFile.Typical()));

        Assert.Equal(["target for CPP-H2 in 2025-26-Q2", "collator kim.lee@council.gov.uk on CPP-H2"], back.Reinstated);
        await using var read = Database.NewContext();
        var again = await read.Indicators.Include(i => i.Targets).Include(i => i.Collators).SingleAsync(i => i.Code == "CPP-H2");
        Assert.Equal(850m, again.TargetFor(Q2));
        Assert.True(again.MaySubmit((await read.People.SingleAsync(p => p.Email == "kim.lee@council.gov.uk")).Id));
    }

    private async Task OpenQ2ReturnsAsync(int expected)
    {
        await using var db = Database.NewContext();
        Assert.Equal(expected, await new OpenReturns(db, ReturnCalendar.EnglandAndWales(), Clock).OpenAsync(Q2));
    }
}
