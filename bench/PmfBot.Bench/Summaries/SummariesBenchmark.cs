using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using PmfBot.Bench.Generator;
using PmfBot.Bench.Support;
using PmfBot.Bot.Compliance;
using PmfBot.Bot.Summaries;
using PmfBot.Domain.Boards;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Storage;

namespace PmfBot.Bench.Summaries;

/// <summary>
/// Benchmark 3: every summary the cycle posts at the end of a quarter (each board's, the scrutiny
/// summary for each scrutiny board, the compliance report for Governance and Audit), composed as the
/// delivery composes them (card and all, each in a scope of its own), for a large council on
/// PostgreSQL and for one twice its size.
/// </summary>
public sealed class SummariesBenchmark(Report report, BenchOptions options)
{
    private const double GoalMilliseconds = 250;
    private const double GoalScaling = 2.2;

    public async Task RunAsync()
    {
        report.Heading("3. Summaries: every board's, the scrutiny and the compliance summaries");
        var spec = options.Quick ? CouncilSpec.WithIndicators(500) : CouncilSpec.Large;
        var large = await MeasureAsync(spec);
        var doubled = await MeasureAsync(spec.Doubled);

        report.Line($"{spec.Describe()}: {large.Describe()}");
        report.Line($"{spec.Doubled.Describe()}: {doubled.Describe()}");
        report.Add(new Figure("3", $"all summaries, {spec.Indicators:N0} indicators (median of {large.Runs})",
            Report.Ms(large.Median), "", "", $"< {GoalMilliseconds} ms", large.Median < GoalMilliseconds));
        var scaling = doubled.Median / large.Median;
        report.Add(new Figure("3", $"all summaries, council doubled to {spec.Doubled.Indicators:N0} indicators",
            Report.Ms(doubled.Median), Report.Ms(large.Median), Report.Times(scaling), $"<= {GoalScaling}x", scaling <= GoalScaling));
        if (options.Quick)
        {
            report.Note("--quick: summaries measured on a 500-indicator council and its double, not the issue's 2,000.");
        }
    }

    private sealed record Measured(double Median, double Best, int Runs, int Summaries, int RoundTrips, string Split, double CpuMilliseconds)
    {
        public string Describe() =>
            $"median {Report.Ms(Median)}, best {Report.Ms(Best)} over {Runs} runs; {Summaries} summaries ({Split} on average), {RoundTrips} database round trips; {Report.Ms(CpuMilliseconds)} of this process's CPU a run";
    }

    private async Task<Measured> MeasureAsync(CouncilSpec spec)
    {
        var (database, council) = await BenchDatabase.WithCouncilAsync("summaries", spec, options.Today, "https://smba.trafficmanager.net/uk/", report.Output);
        await using (database)
        {
            var counter = new RoundTripCounter();
            await using var bot = InProcessBot.Build(database.ConnectionString, counter: counter);
            var boards = await bot.InScopeAsync<PmfDbContext, List<(Guid Id, BoardKind Kind)>>(async db =>
                (await db.Boards.AsNoTracking().Select(b => new { b.Id, b.Kind }).ToListAsync()).Select(b => (b.Id, b.Kind)).ToList());

            for (var warmup = 0; warmup < 3; warmup++)
            {
                await SaveAChangeAsync(bot, warmup);
                await ComposeAllAsync(bot, boards, council.Quarter); // warm up: JIT tiering, pools, plans
            }
            var runs = options.Quick ? 3 : 7;
            var times = new List<double>();
            var byKind = new Dictionary<string, double>();
            var cpu = Machine.ProcessCpu();
            var roundTrips = 0;
            var summaries = 0;
            for (var run = 0; run < runs; run++)
            {
                // A real saved change before every run, as returns keep arriving until the quarter's end:
                // nothing composed in an earlier run may be reused (CouncilResults keeps the council until a change).
                await SaveAChangeAsync(bot, run);
                counter.Reset();
                var watch = Stopwatch.StartNew();
                summaries = await ComposeAllAsync(bot, boards, council.Quarter, byKind);
                times.Add(watch.Elapsed.TotalMilliseconds);
                roundTrips = counter.Commands;
            }

            cpu = Machine.ProcessCpu() - cpu;
            times.Sort();
            var split = string.Join(", ", byKind.Select(kv => $"{kv.Key} {Report.Ms(kv.Value / runs)}"));
            return new Measured(times[times.Count / 2], times[0], runs, summaries, roundTrips, split, cpu.TotalMilliseconds / runs);
        }
    }

    private static Task<int> SaveAChangeAsync(InProcessBot bot, int run) =>
        bot.InScopeAsync<PmfDbContext, int>(async db =>
        {
            var person = await db.People.OrderBy(p => p.Email).FirstAsync();
            person.Rename(run % 2 == 0 ? person.Name + "." : person.Name.TrimEnd('.'));
            return await db.SaveChangesAsync();
        });

    /// <summary>What the cycle posts for a quarter; returns how many summaries were composed.</summary>
    private static async Task<int> ComposeAllAsync(InProcessBot bot, List<(Guid Id, BoardKind Kind)> boards, Period quarter, Dictionary<string, double>? byKind = null)
    {
        var composed = 0;
        foreach (var (id, kind) in boards)
        {
            var watch = Stopwatch.StartNew();
            var card = kind switch
            {
                BoardKind.StrategicPartnership or BoardKind.BestCouncil or BoardKind.DirectorateManagementTeam =>
                    await bot.InScopeAsync<SummaryCards, System.Text.Json.Nodes.JsonObject>(s => s.BoardSummaryAsync(id, quarter, CancellationToken.None)),
                BoardKind.Scrutiny =>
                    await bot.InScopeAsync<SummaryCards, System.Text.Json.Nodes.JsonObject>(s => s.ScrutinySummaryAsync(id, quarter, CancellationToken.None)),
                _ => await bot.InScopeAsync<ComplianceCard, System.Text.Json.Nodes.JsonObject>(c => c.BuildAsync(null, quarter, 1, CancellationToken.None)),
            };
            composed += card.Count > 0 ? 1 : 0;
            if (byKind is not null)
            {
                var name = kind is BoardKind.Scrutiny ? "scrutiny" : kind is BoardKind.GovernanceAndAudit ? "compliance" : "boards";
                byKind[name] = byKind.GetValueOrDefault(name) + watch.Elapsed.TotalMilliseconds;
            }
        }

        return composed;
    }
}
