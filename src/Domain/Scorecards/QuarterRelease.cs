using PmfBot.Domain.Audit;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.People;

namespace PmfBot.Domain.Scorecards;

/// <summary>
/// The performance team's "approve for public display" of a quarter: while publication is on, a
/// quarter's scorecards are public only once it is released. One row per quarter ever released;
/// a withdrawn release keeps its row (and its history in the audit log) and may be released again.
/// </summary>
public sealed class QuarterRelease : AuditedEntity
{
    public const string AuditEntityType = "QuarterRelease";
    public const string ReleasedAction = "released for public display";
    public const string WithdrawnAction = "withdrawn from public display";

    private QuarterRelease()
    {
    }

    public Period Period { get; private set; }

    public bool IsReleased { get; private set; }

    /// <summary>Who released it last, and when (kept after a withdrawal, with who withdrew it).</summary>
    public Guid? ReleasedById { get; private set; }

    public DateTimeOffset? ReleasedAt { get; private set; }

    public Guid? WithdrawnById { get; private set; }

    public DateTimeOffset? WithdrawnAt { get; private set; }

    protected override string AuditName => AuditEntityType;

    /// <summary>Only the performance team releases and withdraws quarters, as it runs the rest of the cycle.</summary>
    public static void EnsureMayRelease(Person actor)
    {
        if (!actor.IsPerformanceTeam)
        {
            throw new PmfRuleException("Only the performance team can release a quarter for public display or withdraw it.");
        }
    }

    /// <summary>The first release of a quarter.</summary>
    public static QuarterRelease First(Person actor, Period quarter, DateTimeOffset now)
    {
        EnsureMayRelease(actor);
        var release = new QuarterRelease
        {
            Id = Guid.CreateVersion7(now),
            Period = quarter,
            IsReleased = true,
            ReleasedById = actor.Id,
            ReleasedAt = now,
        };
        release.Created(Actor.Of(actor), ReleasedAction, now);
        return release;
    }

    /// <returns>False when it was already released: nothing changes, nothing is audited.</returns>
    public bool Release(Person actor, DateTimeOffset now)
    {
        EnsureMayRelease(actor);
        if (IsReleased)
        {
            return false;
        }

        Change(Actor.Of(actor), ReleasedAction, now, () =>
        {
            IsReleased = true;
            ReleasedById = actor.Id;
            ReleasedAt = now;
            WithdrawnById = null;
            WithdrawnAt = null;
        });
        return true;
    }

    /// <returns>False when it was not released: nothing changes, nothing is audited.</returns>
    public bool Withdraw(Person actor, DateTimeOffset now)
    {
        EnsureMayRelease(actor);
        if (!IsReleased)
        {
            return false;
        }

        Change(Actor.Of(actor), WithdrawnAction, now, () =>
        {
            IsReleased = false;
            WithdrawnById = actor.Id;
            WithdrawnAt = now;
        });
        return true;
    }

    protected override object Snapshot() => new { Period = Period.Key, IsReleased };
}
