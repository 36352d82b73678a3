using PmfBot.Bench.FanOut;
using PmfBot.Bench.Inbound;
using PmfBot.Bench.StatusQuery;
using PmfBot.Bench.Summaries;
using PmfBot.Bench.Support;

// The benchmarks of issue 7 (docs/performance.md). Printed figures, not tests: each prints its
// figure, the baseline measured in the same run, the ratio, the goal and PASS or MISS.
if (args.Length > 0 && args[0] == BareBaseline.Command)
{
    return await BareBaseline.RunAsync(args);
}

var report = new Report(Console.Out);
try
{
    var options = BenchOptions.Parse(args);
    report.Line($"PmfBot benchmarks: {options.Benchmark}{(options.Quick ? " (quick)" : "")}, {Environment.ProcessorCount} cores, .NET {Environment.Version}, today {options.Today:yyyy-MM-dd}");
    if (options.Runs("inbound") || options.Runs("memory"))
    {
        await new InboundBenchmark(report, options).RunAsync();
    }

    if (options.Runs("fanout"))
    {
        await new FanOutBenchmark(report, options).RunAsync();
    }

    if (options.Runs("summaries"))
    {
        await new SummariesBenchmark(report, options).RunAsync();
    }

    if (options.Runs("status"))
    {
        await new StatusQueryBenchmark(report, options).RunAsync();
    }

    report.Summary();
    return report.AllMet ? 0 : 1;
}
catch (BenchSetupException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}
