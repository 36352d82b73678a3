using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Boards;
using PmfBot.Domain.Import;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.Plans;
using PmfBot.Domain.Storage;
using PmfBot.Domain.Tests.Support;
using Col = PmfBot.Domain.Import.DataListColumns;

namespace PmfBot.Domain.Tests.Demo;

/// <summary>
/// The demo council written out as a single data list must pass the import's own checks
/// (unique codes, one email one name, a priority on one board, targets that fit the frequency,
/// profiles only on quarterly indicators...) and import into an empty database as the same council.
/// </summary>
public sealed class DemoAsDataListTests(DemoCouncilFixture fixture) : IClassFixture<DemoCouncilFixture>
{
    [Fact]
    public async Task The_demo_council_passes_the_single_data_list_checks()
    {
        var csv = await ExportAsync(fixture.Database);

        var check = DataListCheck.Check(CsvSheet.Read(new StringReader(csv)), _ => null, 2025);

        Assert.True(check.IsValid, string.Join(Environment.NewLine, check.Problems.Take(20)));
        Assert.Equal(76, check.List!.Indicators.Count);
        Assert.Equal(20, check.List.Priorities.Count);
        Assert.Equal(9, check.List.Boards.Count);
    }

    [Fact]
    public async Task The_demo_council_written_as_a_data_list_imports_as_the_same_council()
    {
        var csv = await ExportAsync(fixture.Database);
        using var other = new InMemoryDatabase();
        await using var db = other.NewContext();

        var result = await new SingleDataListImport(db, fixture.Clock).ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), DataListFormat.Csv);

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Problems.Take(20)));
        Assert.Equal((9, 20, 76, 5, 2), (result.Counts!.Boards.Created, result.Counts.Priorities.Created, result.Counts.Indicators.Created, result.Counts.Directorates.Created, result.Counts.Plans.Created));
        await using var demo = fixture.Database.NewContext();
        var expected = await demo.Indicators.Include(i => i.Targets).Include(i => i.Priorities).AsSplitQuery().OrderBy(i => i.Code).ToListAsync();
        var imported = await db.Indicators.Include(i => i.Targets).Include(i => i.Priorities).AsSplitQuery().OrderBy(i => i.Code).ToListAsync();
        Assert.Equal(
            expected.Select(i => (i.Code, i.Title, i.Tolerance, i.Targets.Count, i.Priorities.Count, i.QuarterlyProfile?.ToString())),
            imported.Select(i => (i.Code, i.Title, i.Tolerance, i.Targets.Count, i.Priorities.Count, i.QuarterlyProfile?.ToString())));
    }

    private static async Task<string> ExportAsync(InMemoryDatabase database)
    {
        await using PmfDbContext db = database.NewContext();
        var people = await db.People.ToDictionaryAsync(p => p.Id);
        var directorates = await db.Directorates.ToDictionaryAsync(d => d.Id);
        var plans = await db.Plans.ToDictionaryAsync(p => p.Id);
        var boards = await db.Boards.ToListAsync();
        var priorities = await db.Priorities.ToDictionaryAsync(p => p.Id);
        var indicators = await db.Indicators.Include(i => i.Targets).Include(i => i.Collators).Include(i => i.Priorities).AsSplitQuery().ToListAsync();
        var targetPeriods = indicators.SelectMany(i => i.Targets).Select(t => t.Period).Distinct().Order().ToList();
        var columns = Col.All.Select(c => c.Name).Concat(targetPeriods.Select(p => Col.TargetPrefix + p.Key)).ToList();

        string Named(Guid id) => $"{people[id].Name} <{people[id].Email}>";
        Dictionary<string, string> BoardCells(Board board) => new()
        {
            [Col.Board] = board.Name,
            [Col.BoardType] = board.Kind switch
            {
                BoardKind.StrategicPartnership => "Strategic partnership board",
                BoardKind.BestCouncil => "Best Council board",
                BoardKind.Scrutiny => "Scrutiny board",
                BoardKind.GovernanceAndAudit => "Governance and audit committee",
                _ => "Directorate management team",
            },
            [Col.Chair] = people[board.ChairId].Name,
            [Col.ChairEmail] = people[board.ChairId].Email,
            [Col.TeamsTeamId] = board.Channel?.TeamId ?? "",
            [Col.TeamsChannelId] = board.Channel?.ChannelId ?? "",
            [Col.TeamsChannelName] = board.Channel?.ChannelName ?? "",
        };

        var rows = new List<Dictionary<string, string>>();
        foreach (var indicator in indicators.OrderBy(i => i.Code, StringComparer.Ordinal))
        {
            foreach (var link in indicator.Priorities)
            {
                var priority = priorities[link.PriorityId];
                var plan = plans[priority.PlanId];
                var directorate = directorates[priority.DirectorateId!.Value];
                var owner = people[indicator.OwnerId];
                var row = BoardCells(boards.Single(b => b.Id == priority.BoardId));
                row[Col.Plan] = plan.Name;
                row[Col.PlanType] = plan.Kind == PlanKind.CityPriorityPlan ? "City Priority Plan" : "Council Business Plan";
                row[Col.PlanFrom] = plan.FirstYear.ToString(CultureInfo.InvariantCulture);
                row[Col.PlanTo] = plan.LastYear.ToString(CultureInfo.InvariantCulture);
                row[Col.PriorityCode] = priority.Code;
                row[Col.Priority] = priority.Title;
                row[Col.Outcome] = priority.Outcome ?? "";
                row[Col.LeadOfficer] = people[priority.LeadOfficerId].Name;
                row[Col.LeadOfficerEmail] = people[priority.LeadOfficerId].Email;
                row[Col.Directorate] = directorate.Name;
                row[Col.DirectorateCode] = directorate.Code;
                row[Col.PerformanceLeadEmail] = directorate.PerformanceLeadId is { } lead ? Named(lead) : "";
                row[Col.DirectorateSignOff] = directorate.UsesSignOff ? "yes" : "no";
                row[Col.IndicatorCode] = indicator.Code;
                row[Col.Indicator] = indicator.Title;
                row[Col.Unit] = indicator.Unit;
                row[Col.Polarity] = indicator.Polarity == Polarity.HigherIsBetter ? "higher is better" : "lower is better";
                row[Col.Frequency] = indicator.Frequency switch
                {
                    Frequency.Monthly => "monthly",
                    Frequency.Quarterly => "quarterly",
                    Frequency.SixMonthly => "six-monthly",
                    _ => "annual",
                };
                row[Col.NationalOrLocal] = indicator.IsNational ? "national" : "local";
                row[Col.Owner] = owner.Name;
                row[Col.OwnerEmail] = owner.Email;
                row[Col.OwnersManagerEmail] = owner.ManagerId is { } manager ? Named(manager) : "";
                row[Col.CollatorEmails] = string.Join("; ", indicator.Collators.Select(c => Named(c.PersonId)));
                row[Col.Tolerance] = ToleranceText.Format(indicator.Tolerance);
                row[Col.Baseline] = indicator.Baseline?.ToString(CultureInfo.InvariantCulture) ?? "";
                row[Col.Benchmark] = indicator.Benchmark?.ToString(CultureInfo.InvariantCulture) ?? "";
                row[Col.BenchmarkSource] = indicator.BenchmarkSource ?? "";
                row[Col.Profile] = indicator.QuarterlyProfile?.ToString() ?? "";
                foreach (var target in indicator.Targets)
                {
                    row[Col.TargetPrefix + target.Period.Key] = target.Value.ToString(CultureInfo.InvariantCulture);
                }

                rows.Add(row);
            }
        }

        rows.AddRange(boards.Where(b => !b.OwnsPriorities).Select(BoardCells));

        var text = new StringBuilder();
        text.AppendLine(string.Join(',', columns.Select(Quote)));
        foreach (var row in rows)
        {
            text.AppendLine(string.Join(',', columns.Select(c => Quote(row.GetValueOrDefault(c) ?? ""))));
        }

        return text.ToString();
    }

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
