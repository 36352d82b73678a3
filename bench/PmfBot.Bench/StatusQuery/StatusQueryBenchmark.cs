using System.Diagnostics;
using PmfBot.Bench.Generator;
using PmfBot.Bench.Support;
using PmfBot.Bot.Status;
using PmfBot.Domain.Status;

namespace PmfBot.Bench.StatusQuery;

/// <summary>
/// Benchmark 4: the status of a priority, in process on PostgreSQL, as the <c>status.show</c> button
/// answers it (the use case and the card, in a scope of its own), on councils of growing size; and
/// the database round trips of each query, which must not grow with the council (no N+1).
/// </summary>
public sealed class StatusQueryBenchmark(Report report, BenchOptions options)
{
    private const double GoalP95Milliseconds = 20;
    private static readonly TimeSpan WarmupTime = TimeSpan.FromSeconds(5);

    public async Task RunAsync()
    {
        report.Heading("4. Status query: p95 in process, and database round trips per query");
        int[] sizes = options.Quick ? [250, 500, 1000] : [500, 2000, 5000];
        var measured = new List<Measured>();
        foreach (var size in sizes)
        {
            var m = await MeasureAsync(CouncilSpec.WithIndicators(size));
            report.Line($"{size:N0} indicators ({m.IndicatorsPerPriority:0} a priority): card {m.Card.Describe()}; {m.CpuPerCard.TotalMilliseconds:0.0} ms of this process's CPU per card");
            report.Line($"    use case alone (PriorityStatus): {m.UseCase.Describe()}; round trips per status card {Range(m.RoundTrips)}");
            report.Line($"    the same card again with nothing saved in between (read back from RenderedCardCache): {m.Cached.Describe()}");
            measured.Add(m);
        }

        var largest = measured[^1];
        var p95 = largest.Card.Percentile(95);
        report.Add(new Figure("4", $"status card p95 at {sizes[^1]:N0} indicators", Report.Ms(p95), "", "", $"< {GoalP95Milliseconds} ms", p95 < GoalP95Milliseconds));
        var smallest = measured[0];
        var constant = largest.RoundTrips.Max() <= smallest.RoundTrips.Max();
        report.Add(new Figure("4", $"round trips per status query at {string.Join(" / ", sizes.Select(s => s.ToString("N0")))} indicators",
            string.Join(" / ", measured.Select(m => Range(m.RoundTrips))), "", "", "constant (no N+1)", constant));
        if (options.Quick)
        {
            report.Note("--quick: status measured at 250, 500 and 1,000 indicators, not the issue's 5,000.");
        }
    }

    private static Task<int> SaveAChangeAsync(InProcessBot bot, int i) =>
        bot.InScopeAsync<PmfBot.Domain.Storage.PmfDbContext, int>(async db =>
        {
            var person = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(db.People.OrderBy(p => p.Email));
            person.Rename(i % 2 == 0 ? person.Name + "." : person.Name.TrimEnd('.'));
            return await db.SaveChangesAsync();
        });

    private static string Range(IReadOnlyCollection<int> values) =>
        values.Min() == values.Max() ? $"{values.Min()}" : $"{values.Min()}-{values.Max()}";

    private sealed record Measured(Latencies Card, Latencies UseCase, IReadOnlyCollection<int> RoundTrips, double IndicatorsPerPriority, TimeSpan CpuPerCard, Latencies Cached);

    private async Task<Measured> MeasureAsync(CouncilSpec spec)
    {
        var (database, council) = await BenchDatabase.WithCouncilAsync("status", spec, options.Today, "https://smba.trafficmanager.net/uk/", report.Output);
        await using (database)
        {
            var counter = new RoundTripCounter();
            await using var bot = InProcessBot.Build(database.ConnectionString, counter: counter);
            var priorities = council.PriorityIds;
            var quarter = council.Quarter;
            Task<System.Text.Json.Nodes.JsonObject> Card(Guid id) =>
                bot.InScopeAsync<StatusCard, System.Text.Json.Nodes.JsonObject>(s => s.BuildAsync(id, quarter, 1, CancellationToken.None));

            // Warm up until the JIT has tiered the path up, as in a bot that has been running a while.
            var warmup = Stopwatch.StartNew();
            for (var i = 0; warmup.Elapsed < WarmupTime || i < 300; i++)
            {
                await Card(priorities[i % priorities.Count].Id);
            }

            var card = new Latencies();
            var useCase = new Latencies();
            var roundTrips = new HashSet<int>();
            var queries = options.Quick ? 200 : 400;
            var cpu = Machine.ProcessCpu();
            var saving = TimeSpan.Zero;
            for (var i = 0; i < queries; i++)
            {
                var (id, _) = priorities[i % priorities.Count];
                // A saved change before each (not timed): the card is composed, never read back from
                // RenderedCardCache, as on the last afternoon when returns keep arriving.
                var save = Machine.ProcessCpu();
                await SaveAChangeAsync(bot, i);
                saving += Machine.ProcessCpu() - save;
                counter.Reset();
                var watch = Stopwatch.StartNew();
                await Card(id);
                card.Add(watch.Elapsed);
                roundTrips.Add(counter.Commands);
            }

            cpu = Machine.ProcessCpu() - cpu - saving;
            var cached = new Latencies();
            for (var i = 0; i < queries; i++)
            {
                var (id, _) = priorities[i % priorities.Count];
                var watch = Stopwatch.StartNew();
                await Card(id);
                cached.Add(watch.Elapsed);
            }

            for (var i = 0; i < queries; i++)
            {
                var (id, _) = priorities[i % priorities.Count];
                var watch = Stopwatch.StartNew();
                await bot.InScopeAsync<PriorityStatus, PriorityStatus.View>(s => s.LoadAsync(id, quarter, CancellationToken.None));
                useCase.Add(watch.Elapsed);
            }

            return new Measured(card, useCase, roundTrips, spec.Indicators * 1.1 / spec.Priorities, cpu / queries, cached);
        }
    }
}
