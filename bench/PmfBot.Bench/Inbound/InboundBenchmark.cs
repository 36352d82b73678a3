using PmfBot.Bench.Support;

namespace PmfBot.Bench.Inbound;

public sealed class InboundBenchmark(Report report, BenchOptions options)
{
    public Task RunAsync() => throw new NotImplementedException($"{report}{options}");
}
