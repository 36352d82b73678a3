using System.Globalization;
using PmfBot.Domain;
using PmfBot.Domain.Calendar;

namespace PmfBot.Bot.Demo;

/// <summary>
/// The local demo's clock: real time shifted by an offset, so a newcomer can start on a chosen
/// day (<c>Demo:Today</c>) and step the quarterly cycle forward ("demo next") instead of waiting
/// weeks. Only registered in local mode (no <c>Bot:AppId</c>); timers and elapsed time stay real.
/// The offset lives in memory: a restart goes back to <c>Demo:Today</c> (delete pmfbot.db to start over).
/// </summary>
public sealed class DemoClock : TimeProvider
{
    /// <summary>Milestones are reached at this UK time, inside the cycle's sending hours.</summary>
    public static readonly TimeOnly MilestoneTime = new(9, 0);

    private readonly TimeProvider _real;
    private long _offsetTicks;

    public DemoClock(TimeProvider real, DateTimeOffset? start)
    {
        _real = real;
        _offsetTicks = start is { } s ? (s - real.GetUtcNow()).Ticks : 0;
    }

    public override DateTimeOffset GetUtcNow() => _real.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public override TimeZoneInfo LocalTimeZone => _real.LocalTimeZone;

    public override long TimestampFrequency => _real.TimestampFrequency;

    public override long GetTimestamp() => _real.GetTimestamp();

    /// <summary>Moves the clock forward to <paramref name="day"/> at <see cref="MilestoneTime"/>, UK time.</summary>
    public DateTimeOffset MoveTo(DateOnly day)
    {
        var target = UkInstant(day, MilestoneTime);
        if (target <= GetUtcNow())
        {
            throw new PmfRuleException("The demo clock only moves forward.");
        }

        Interlocked.Exchange(ref _offsetTicks, (target - _real.GetUtcNow()).Ticks);
        return target;
    }

    /// <summary><c>Demo:Today</c>: a date ("2025-11-24", 10:00 UK time) or an instant ("2025-11-24T10:00:00Z").</summary>
    public static DateTimeOffset? ParseStart(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return UkInstant(day, new TimeOnly(10, 0));
        }

        if (DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return instant;
        }

        throw new InvalidOperationException($"Demo:Today must be a date (2025-11-24) or a date and time (2025-11-24T10:00:00Z), not \"{text}\".");
    }

    private static DateTimeOffset UkInstant(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, UkTime.Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
