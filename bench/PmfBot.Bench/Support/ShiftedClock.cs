namespace PmfBot.Bench.Support;

/// <summary>
/// Real time, moved to another moment: the campaign runs "on the day returns open" while its rate
/// limiters, retries and timers still run on the wall clock.
/// </summary>
public sealed class ShiftedClock(DateTimeOffset now) : TimeProvider
{
    private readonly TimeSpan _offset = now - DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow + _offset;
}
