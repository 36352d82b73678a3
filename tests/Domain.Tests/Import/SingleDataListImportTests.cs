using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using MiniExcelLibs;
using PmfBot.Domain.Boards;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Import;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.Plans;
using PmfBot.Domain.Tests.Support;
using Col = PmfBot.Domain.Import.DataListColumns;

namespace PmfBot.Domain.Tests.Import;

public sealed class SingleDataListImportTests : IDisposable
{
    private static readonly string SamplePath = Path.Combine(RepositoryRoot(), "samples", "single-data-list.csv");
    private readonly InMemoryDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 11, 3, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task The_sample_file_imports_every_board_priority_indicator_and_person()
    {
        var result = await ImportSampleAsync();

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Problems));
        var counts = result.Counts!;
        Assert.Equal(new Tally(27, 0, 0), counts.People);
        Assert.Equal(new Tally(4, 0, 0), counts.Directorates);
        Assert.Equal(new Tally(2, 0, 0), counts.Plans);
        Assert.Equal(new Tally(7, 0, 0), counts.Boards);
        Assert.Equal(new Tally(7, 0, 0), counts.Priorities);
        Assert.Equal(new Tally(13, 0, 0), counts.Indicators);
        Assert.Equal((14, 26), (counts.Links, counts.Targets));

        await using var db = _database.NewContext();
        Assert.Equal(27, await db.People.CountAsync());
        Assert.Equal(13, await db.Indicators.CountAsync());
        Assert.Equal(3, await db.Boards.CountAsync(b => b.Kind == BoardKind.Scrutiny || b.Kind == BoardKind.GovernanceAndAudit));
    }

    [Fact]
    public async Task An_imported_indicator_keeps_its_owner_manager_collators_targets_profile_and_links()
    {
        await ImportSampleAsync();

        await using var db = _database.NewContext();
        var indicators = await db.Indicators.Include(i => i.Targets).Include(i => i.Collators).Include(i => i.Priorities).AsSplitQuery().ToListAsync();
        var people = await db.People.ToDictionaryAsync(p => p.Id);
        var priorities = await db.Priorities.ToDictionaryAsync(p => p.Id);

        var discharges = indicators.Single(i => i.Code == "CPP-HA1");
        var owner = people[discharges.OwnerId];
        Assert.Equal(("Mark Phelan", "cathy.rolfe@example-council.gov.uk"), (owner.Name, people[owner.ManagerId!.Value].Email));
        Assert.Equal(["jo.bell@example-council.gov.uk"], discharges.Collators.Select(c => people[c.PersonId].Email));
        Assert.Equal(Tolerance.Percent(5), discharges.Tolerance);
        Assert.Equal(AnnualProfile.Of(20, 45, 70, 100), discharges.QuarterlyProfile);
        Assert.Equal(900m, discharges.TargetFor(Period.Quarter(2025, 2)));
        Assert.Equal((Polarity.HigherIsBetter, Frequency.Quarterly, false), (discharges.Polarity, discharges.Frequency, discharges.IsNational));

        var attendance = indicators.Single(i => i.Code == "CPP-C1");
        Assert.True(attendance.ServesSeveralPriorities);
        Assert.Equal(["CPP-C", "CPP-CL"], attendance.Priorities.Select(p => priorities[p.PriorityId].Code).Order());

        var absence = indicators.Single(i => i.Code == "CPP-C2");
        Assert.Equal(19m, absence.TargetFor(Period.Quarter(2025, 1)));
        Assert.Equal(18m, absence.TargetFor(Period.Quarter(2025, 2)));
    }

    [Fact]
    public async Task Boards_priorities_and_directorates_are_linked_as_the_file_says()
    {
        await ImportSampleAsync();

        await using var db = _database.NewContext();
        var board = await db.Boards.Include(b => b.Members).SingleAsync(b => b.Name == "Health and Wellbeing Board");
        var chair = await db.People.SingleAsync(p => p.Id == board.ChairId);
        var priority = await db.Priorities.SingleAsync(p => p.Code == "CPP-HA");
        var plan = await db.Plans.SingleAsync(p => p.Id == priority.PlanId);
        var directorate = await db.Directorates.SingleAsync(d => d.Id == priority.DirectorateId);
        var lead = await db.People.SingleAsync(p => p.Id == directorate.PerformanceLeadId);

        Assert.Equal("Cllr Rosa Whitfield", chair.Name);
        Assert.Equal(BoardKind.StrategicPartnership, board.Kind);
        Assert.Equal(board.Id, priority.BoardId);
        Assert.True(board.HasMember(priority.LeadOfficerId));
        Assert.Equal((PlanKind.CityPriorityPlan, 2025, 2029), (plan.Kind, plan.FirstYear, plan.LastYear));
        Assert.Equal(("AH", "Lee Young", true), (directorate.Code, lead.Name, directorate.UsesSignOff));
    }

    [Fact]
    public async Task Importing_the_same_file_again_changes_nothing_and_duplicates_nothing()
    {
        await ImportSampleAsync();

        var again = await ImportSampleAsync();

        Assert.True(again.Succeeded);
        Assert.Equal(new Tally(0, 0, 13), again.Counts!.Indicators);
        Assert.Equal(new Tally(0, 0, 27), again.Counts.People);
        Assert.Equal(new Tally(0, 0, 7), again.Counts.Boards);
        await using var db = _database.NewContext();
        Assert.Equal(13, await db.Indicators.CountAsync());
        Assert.Equal(27, await db.People.CountAsync());
        Assert.Equal(7, await db.Priorities.CountAsync());
    }

    [Fact]
    public async Task An_edited_file_updates_what_it_changes_in_place()
    {
        var file = DataListFile.Typical();
        await ImportAsync(file);

        file.Set(2, Col.Indicator, "Adults who are physically active (%)")
            .Set(2, "Target 2025-26", "65")
            .Set(3, Col.Owner, "Mark Phelan")
            .Set(3, Col.OwnerEmail, "mark.phelan@council.gov.uk");
        var result = await ImportAsync(file);

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Problems));
        Assert.Equal(new Tally(0, 2, 0), result.Counts!.Indicators);
        Assert.Equal(1, result.Counts.People.Created);
        await using var db = _database.NewContext();
        var active = await db.Indicators.Include(i => i.Targets).SingleAsync(i => i.Code == "CPP-H1");
        Assert.Equal("Adults who are physically active (%)", active.Title);
        Assert.Equal(65m, active.TargetFor(Period.FinancialYear(2025)));
        var mark = await db.People.SingleAsync(p => p.Email == "mark.phelan@council.gov.uk");
        Assert.Equal(mark.Id, (await db.Indicators.SingleAsync(i => i.Code == "CPP-H2")).OwnerId);
        Assert.Equal(2, await db.Indicators.CountAsync());
    }

    [Fact]
    public async Task A_bad_file_is_rejected_whole_and_writes_nothing()
    {
        var file = DataListFile.Typical().Set(3, Col.Polarity, "up");

        var result = await ImportAsync(file);

        Assert.False(result.Succeeded);
        Assert.Null(result.Counts);
        Assert.Equal("line 3, column Polarity: 'up' is not a polarity: use 'higher is better' or 'lower is better'.", Assert.Single(result.Problems).ToString());
        await using var db = _database.NewContext();
        Assert.False(await db.People.AnyAsync());
        Assert.False(await db.Boards.AnyAsync());
        Assert.False(await db.Indicators.AnyAsync());
    }

    [Fact]
    public async Task A_bad_re_import_leaves_the_stored_data_as_it_was()
    {
        var file = DataListFile.Typical();
        await ImportAsync(file);

        file.Set(2, Col.Indicator, "A new title that must not be saved").Set(3, Col.Baseline, "lots");
        var result = await ImportAsync(file);

        Assert.False(result.Succeeded);
        await using var db = _database.NewContext();
        Assert.Equal("Percentage of adults who are physically active", (await db.Indicators.SingleAsync(i => i.Code == "CPP-H1")).Title);
    }

    [Fact]
    public async Task A_rule_broken_against_what_is_stored_rejects_the_file()
    {
        await ImportAsync(DataListFile.Typical());
        var file = DataListFile.Empty().AddRow(DataListFile.BoardRow("Health and Wellbeing Board", "Scrutiny board", "Cllr Rosa Whitfield", "rosa.whitfield@council.gov.uk"));

        var result = await ImportAsync(file);

        Assert.False(result.Succeeded);
        Assert.Equal("line 2: Health and Wellbeing Board owns priorities, so it cannot become a board that only scrutinises; move its priorities to another board first.", Assert.Single(result.Problems).ToString());
        await using var db = _database.NewContext();
        Assert.Equal(BoardKind.StrategicPartnership, (await db.Boards.SingleAsync(b => b.Name == "Health and Wellbeing Board")).Kind);
    }

    [Fact]
    public async Task An_Excel_workbook_with_the_same_columns_imports_the_same_way()
    {
        var file = DataListFile.Typical();
        var workbook = new MemoryStream();
        var rows = file.Rows.Select(r => file.Columns.ToDictionary(c => c, c => (object?)NumberOrText(r.GetValueOrDefault(c) ?? ""))).ToList();
        await workbook.SaveAsAsync(rows, printHeader: true, excelType: ExcelType.XLSX);
        workbook.Position = 0;

        var result = await new SingleDataListImport(_database.NewContext(), _clock).ImportAsync(workbook, DataListFormat.Xlsx);

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Problems));
        Assert.Equal(new Tally(2, 0, 0), result.Counts!.Indicators);
        await using var db = _database.NewContext();
        var h2 = await db.Indicators.Include(i => i.Targets).SingleAsync(i => i.Code == "CPP-H2");
        Assert.Equal(2000m, h2.TargetFor(Period.FinancialYear(2025)));
        Assert.Equal(Tolerance.Percent(5), h2.Tolerance);
    }

    [Fact]
    public async Task A_problem_in_a_workbook_is_reported_on_its_Excel_row()
    {
        var file = DataListFile.Typical().Set(3, Col.Polarity, "up");
        var workbook = new MemoryStream();
        await workbook.SaveAsAsync(file.Rows.Select(r => file.Columns.ToDictionary(c => c, c => (object?)(r.GetValueOrDefault(c) ?? ""))).ToList(), excelType: ExcelType.XLSX);
        workbook.Position = 0;

        var result = await new SingleDataListImport(_database.NewContext(), _clock).ImportAsync(workbook, DataListFormat.Xlsx);

        Assert.Equal((3, Col.Polarity), (Assert.Single(result.Problems).Line, Assert.Single(result.Problems).Column));
    }

    [Fact]
    public void Every_column_is_documented_in_docs_import_md()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "import.md"));

        Assert.All(Col.All, column => Assert.Contains($"| {column.Name} |", docs, StringComparison.Ordinal));
    }

    private async Task<ImportResult> ImportSampleAsync()
    {
        await using var db = _database.NewContext();
        return await new SingleDataListImport(db, _clock).ImportFileAsync(SamplePath);
    }

    private async Task<ImportResult> ImportAsync(DataListFile file)
    {
        await using var db = _database.NewContext();
        return await new SingleDataListImport(db, _clock).ImportAsync(file.ToCsvStream(), DataListFormat.Csv);
    }

    private static object NumberOrText(string cell) =>
        decimal.TryParse(cell, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var number) && !cell.Contains(';', StringComparison.Ordinal)
            ? (double)number
            : cell;

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PmfBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (PmfBot.sln) above " + AppContext.BaseDirectory);
    }
}
