using System.Diagnostics;
using PmfBot.Bench.Support;

namespace PmfBot.Bench.Inbound;

/// <summary>What a load run did: calls that succeeded and failed, over how long, and their latencies.</summary>
public sealed record LoadResult(int Completed, int Failed, TimeSpan Elapsed, Latencies Latencies)
{
    public double Throughput => Completed / Elapsed.TotalSeconds;

    public string Describe() =>
        $"{Report.PerSecond(Throughput)} ({Completed:N0} in {Report.Seconds(Elapsed)}{(Failed > 0 ? $", {Failed:N0} FAILED" : "")}); {Latencies.Describe()}";
}

/// <summary>
/// Drives a call (request number in, success out) two ways: a fixed number of callers each waiting
/// for its answer before the next (closed loop: throughput), and calls started at a fixed rate whatever
/// happens to the earlier ones (open loop: latency at a given load, measured from when each call was
/// due, so a stalled server cannot hide its queue).
/// </summary>
public static class LoadGenerator
{
    public delegate Task<bool> Call(int number, CancellationToken cancellationToken);

    public static async Task<LoadResult> ClosedLoopAsync(Call call, int concurrency, TimeSpan duration)
    {
        var latencies = new Latencies();
        var completed = 0;
        var failed = 0;
        var next = -1;
        var watch = Stopwatch.StartNew();
        var callers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (watch.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                var ok = await SafeAsync(call, Interlocked.Increment(ref next));
                latencies.Add(Stopwatch.GetElapsedTime(started));
                Interlocked.Increment(ref ok ? ref completed : ref failed);
            }
        });
        await Task.WhenAll(callers);
        return new LoadResult(completed, failed, watch.Elapsed, latencies);
    }

    public static async Task<LoadResult> OpenLoopAsync(Call call, double perSecond, TimeSpan duration)
    {
        var latencies = new Latencies();
        var completed = 0;
        var failed = 0;
        var total = (int)(perSecond * duration.TotalSeconds);
        var calls = new List<Task>(total);
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < total; i++)
        {
            var due = start + (long)(i / perSecond * Stopwatch.Frequency);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            var number = i;
            calls.Add(Task.Run(async () =>
            {
                var ok = await SafeAsync(call, number);
                latencies.Add(Stopwatch.GetElapsedTime(due));
                Interlocked.Increment(ref ok ? ref completed : ref failed);
            }));
        }

        await Task.WhenAll(calls);
        return new LoadResult(completed, failed, Stopwatch.GetElapsedTime(start), latencies);
    }

    private static async Task<bool> SafeAsync(Call call, int number)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            return await call(number, timeout.Token);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or TimeoutException)
        {
            return false;
        }
    }
}
