namespace PmfBot.Domain.Cycle;

/// <summary>
/// Where the quarterly cycle is, shared by every server through the database: the last UK day
/// whose nudges have been queued, and whether the performance team has paused it. One row.
/// </summary>
public sealed class CycleState
{
    public const int SingletonId = 1;

    private CycleState()
    {
    }

    public int Id { get; private set; } = SingletonId;

    /// <summary>The last day whose nudges are queued (the day before the cycle first started, at first).</summary>
    public DateOnly? LastCompletedDay { get; private set; }

    public bool IsPaused { get; private set; }

    public Guid? PausedById { get; private set; }

    public DateTimeOffset? PausedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>A cycle that starts on the UK day of <paramref name="now"/>: the days before it are not caught up.</summary>
    public static CycleState New(DateTimeOffset now) =>
        new() { UpdatedAt = now, LastCompletedDay = Calendar.UkTime.DateOf(now).AddDays(-1) };

    public void Pause(Guid byId, DateTimeOffset now)
    {
        if (IsPaused)
        {
            return;
        }

        IsPaused = true;
        PausedById = byId;
        PausedAt = now;
        UpdatedAt = now;
    }

    /// <summary>
    /// Resumes. With <paramref name="skipTo"/> the days missed while paused are not caught up:
    /// the cycle carries on as if it had queued everything up to that day.
    /// </summary>
    public void Resume(DateOnly? skipTo, DateTimeOffset now)
    {
        IsPaused = false;
        PausedById = null;
        PausedAt = null;
        if (skipTo is { } day && (LastCompletedDay is null || LastCompletedDay < day))
        {
            LastCompletedDay = day;
        }

        UpdatedAt = now;
    }
}
