using PmfBot.Bench.Support;

namespace PmfBot.Bench.FanOut;

public sealed class FanOutBenchmark(Report report, BenchOptions options)
{
    public Task RunAsync() => throw new NotImplementedException($"{report}{options}");
}
