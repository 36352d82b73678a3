using System.Diagnostics;

namespace PmfBot.Reliability.Tests.Support;

/// <summary>
/// The demo day, running in real time: starts at <see cref="BotUnderTest.DemoDay"/> and moves on
/// with the wall clock, timers included. A frozen clock would stall whatever waits on it (the
/// connector's rate limiter waits for its window to pass), which hundreds of requests reach.
/// </summary>
public sealed class DemoDayClock(DateTimeOffset start) : TimeProvider
{
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();

    public override DateTimeOffset GetUtcNow() => start + _elapsed.Elapsed;
}
