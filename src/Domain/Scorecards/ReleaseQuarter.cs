using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.People;
using PmfBot.Domain.Ratings;
using PmfBot.Domain.Storage;

namespace PmfBot.Domain.Scorecards;

/// <summary>
/// The performance team releases a quarter's scorecards for public display ("cycle publish", or the
/// button on the compliance card), or withdraws a release ("cycle unpublish"). Releasing twice, or
/// withdrawing what is not released, changes nothing and says so. A quarter is released only once it
/// has ended and something in it has been submitted or decided; a rating its board decides after the
/// release shows at once, as a send-back withdraws one at once.
/// </summary>
public sealed class ReleaseQuarter(PmfDbContext db, PublishedScorecards scorecards, TimeProvider clock)
{
    /// <param name="Changed">False when it was already as asked (released twice, or withdrawn when not released).</param>
    /// <param name="ByName">Who released it (or withdrew it, for a withdrawal), when there was a release.</param>
    /// <param name="Decided">Ratings the boards have approved or amended for the quarter.</param>
    /// <param name="AwaitingBoard">Ratings proposed and still waiting for their board's chair.</param>
    public sealed record Outcome(Period Quarter, bool IsReleased, bool Changed, string? ByName, DateTimeOffset? At, int Decided, int AwaitingBoard);

    public async Task<Outcome> ReleaseAsync(Guid actorId, Period quarter, CancellationToken cancellationToken = default)
    {
        var actor = await db.ActorAsync(actorId, cancellationToken);
        QuarterRelease.EnsureMayRelease(actor);
        EnsureQuarter(quarter);
        var latest = ReportingPeriods.Current(Frequency.Quarterly, UkTime.Today(clock));
        if (quarter.CompareTo(latest) > 0)
        {
            throw new PmfRuleException(
                $"{Name(quarter)} runs until {quarter.End.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}: it can be released once it has ended and its boards have agreed their ratings. The latest quarter that has ended is {Name(latest)} ({latest.Key}).");
        }

        if (!(await scorecards.QuartersWithSomethingAsync(cancellationToken)).Contains(quarter))
        {
            throw new PmfRuleException($"Nothing has been submitted or decided for {Name(quarter)}, so there is nothing to release.");
        }

        var now = clock.GetUtcNow();
        var release = await db.QuarterReleases.SingleOrDefaultAsync(r => r.Period == quarter, cancellationToken);
        bool changed;
        if (release is null)
        {
            release = QuarterRelease.First(actor, quarter, now);
            db.QuarterReleases.Add(release);
            changed = true;
        }
        else
        {
            changed = release.Release(actor, now);
        }

        if (changed)
        {
            await db.SaveOrExplainAsync($"the release of {Name(quarter)}", cancellationToken);
        }

        return await OutcomeAsync(release, changed, release.ReleasedById, release.ReleasedAt, cancellationToken);
    }

    public async Task<Outcome> WithdrawAsync(Guid actorId, Period quarter, CancellationToken cancellationToken = default)
    {
        var actor = await db.ActorAsync(actorId, cancellationToken);
        QuarterRelease.EnsureMayRelease(actor);
        EnsureQuarter(quarter);
        var release = await db.QuarterReleases.SingleOrDefaultAsync(r => r.Period == quarter, cancellationToken);
        if (release is null)
        {
            return new Outcome(quarter, false, false, null, null, 0, 0);
        }

        var changed = release.Withdraw(actor, clock.GetUtcNow());
        if (changed)
        {
            await db.SaveOrExplainAsync($"the release of {Name(quarter)}", cancellationToken);
        }

        return await OutcomeAsync(release, changed, release.WithdrawnById, release.WithdrawnAt, cancellationToken);
    }

    /// <summary>The quarter's release, when it has ever been released (for the compliance card).</summary>
    public async Task<Outcome?> StateAsync(Period quarter, CancellationToken cancellationToken = default)
    {
        var release = await db.QuarterReleases.AsNoTracking().SingleOrDefaultAsync(r => r.Period == quarter, cancellationToken);
        return release is null
            ? null
            : await OutcomeAsync(release, false, release.IsReleased ? release.ReleasedById : release.WithdrawnById, release.IsReleased ? release.ReleasedAt : release.WithdrawnAt, cancellationToken);
    }

    /// <summary>"Quarter 2 2025/26", as the published pages name it.</summary>
    public static string Name(Period quarter) => $"Quarter {quarter.Number} {quarter.FinancialYearLabel}";

    private static void EnsureQuarter(Period period)
    {
        if (period.Kind != PeriodKind.Quarter)
        {
            throw new PmfRuleException($"Scorecards are released by quarter: {period.Key} is not one. Write the quarter like {Period.Containing(period.End, PeriodKind.Quarter).Key}.");
        }
    }

    private async Task<Outcome> OutcomeAsync(QuarterRelease release, bool changed, Guid? byId, DateTimeOffset? at, CancellationToken cancellationToken)
    {
        var by = byId is { } id ? await db.People.Where(p => p.Id == id).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken) : null;
        var states = await db.Ratings.AsNoTracking().Where(r => r.Period == release.Period).Select(r => r.State).ToListAsync(cancellationToken);
        return new Outcome(
            release.Period,
            release.IsReleased,
            changed,
            by,
            at,
            states.Count(s => s is RatingState.Approved or RatingState.Amended),
            states.Count(s => s == RatingState.Proposed));
    }
}
