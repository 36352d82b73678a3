using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Cycle;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.Nudges;
using PmfBot.Domain.Returns;
using PmfBot.Domain.Storage;

namespace PmfBot.Domain.Ratings;

/// <summary>
/// The ratings part of a quarter's cycle: a priority's lead officer is asked for its overall
/// rating once all its returns are in (or the due date has passed), the board's chair once the
/// lead has proposed, and both are reminded before the board meeting while they have not acted.
/// </summary>
public sealed class RatingRound(PmfDbContext db, ReturnCalendar calendar, NudgePolicy policy, TimeProvider clock)
{
    public enum AskKind
    {
        /// <summary>The lead officer is asked to propose (again, after a send-back).</summary>
        AskLead,

        /// <summary>The chair is asked to approve, amend or send back a proposal.</summary>
        AskChair,
        RemindLead,
        RemindChair,
    }

    /// <summary>
    /// One message owed to a lead officer or chair. <see cref="RatingId"/> is null only in a
    /// preview, for a rating that opening the round would create. <see cref="Occasion"/> makes
    /// each ask unique: the quarter for a first ask, the send-back or proposal time for a
    /// repeat, the day for a reminder.
    /// </summary>
    public sealed record Ask(
        AskKind Kind,
        Guid PersonId,
        Guid PriorityId,
        Guid BoardId,
        Guid? RatingId,
        Period Quarter,
        DateOnly BoardMeeting,
        string Occasion);

    /// <summary>Priorities of the quarter with no rating yet whose returns are all in, or whose due date has passed.</summary>
    public async Task<IReadOnlyList<Guid>> ReadyWithoutRatingAsync(QuarterCycle cycle, DateOnly today, CancellationToken cancellationToken = default)
    {
        if (today < cycle.Window.Opens)
        {
            return [];
        }

        var periods = cycle.ReturnPeriods;
        var rated = await db.Ratings.AsNoTracking().Where(r => r.Period == cycle.Quarter).Select(r => r.PriorityId).ToListAsync(cancellationToken);
        var priorities = await db.Priorities.AsNoTracking().Select(p => p.Id).ToListAsync(cancellationToken);
        var pastDue = today > cycle.Window.Due;
        if (pastDue)
        {
            return priorities.Except(rated).ToList();
        }

        var returns = await db.Returns.AsNoTracking()
            .Where(r => periods.Contains(r.Period))
            .Join(db.Set<IndicatorPriority>(), r => r.IndicatorId, link => link.IndicatorId, (r, link) => new { link.PriorityId, r.State })
            .ToListAsync(cancellationToken);
        var allIn = returns.GroupBy(r => r.PriorityId)
            .Where(g => g.All(r => r.State is ReturnState.Submitted or ReturnState.SignedOff))
            .Select(g => g.Key);
        return allIn.Except(rated).Intersect(priorities).ToList();
    }

    /// <summary>
    /// Creates a rating awaiting the lead officer's proposal for every ready priority. Safe to
    /// run again and from two servers at once: a priority has one rating per quarter.
    /// </summary>
    public async Task<int> OpenAsync(QuarterCycle cycle, DateOnly today, CancellationToken cancellationToken = default)
    {
        var ready = await ReadyWithoutRatingAsync(cycle, today, cancellationToken);
        var created = 0;
        foreach (var priorityId in ready)
        {
            var priority = await db.Priorities.SingleAsync(p => p.Id == priorityId, cancellationToken);
            var rating = PriorityRating.AwaitProposal(priority, cycle.Quarter, clock.GetUtcNow());
            db.Ratings.Add(rating);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                created++;
            }
            catch (DbUpdateException)
            {
                // Another server (or the lead officer, proposing unasked) created it first.
                if (!await RatedMeanwhileAsync(priorityId, cycle.Quarter, cancellationToken))
                {
                    throw;
                }
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        return created;
    }

    /// <summary>
    /// The asks owed now for the quarter (answered by its rating's state) and the reminders whose
    /// day falls after <paramref name="after"/> and on or before <paramref name="upTo"/>. With
    /// <paramref name="includeUnopened"/> (a preview) ready priorities without a rating yet are
    /// asked too.
    /// </summary>
    public async Task<IReadOnlyList<Ask>> AsksAsync(
        QuarterCycle cycle, DateOnly after, DateOnly upTo, bool includeUnopened = false, CancellationToken cancellationToken = default)
    {
        var ratings = await db.Ratings.AsNoTracking()
            .Where(r => r.Period == cycle.Quarter)
            .Join(db.Priorities, r => r.PriorityId, p => p.Id, (r, p) => new
            {
                r.Id,
                r.PriorityId,
                r.State,
                r.ProposedAt,
                r.DecidedAt,
                p.LeadOfficerId,
                p.BoardId,
            })
            .ToListAsync(cancellationToken);
        var chairs = await db.Boards.AsNoTracking().ToDictionaryAsync(b => b.Id, b => b.ChairId, cancellationToken);
        var reminderDays = policy.RatingReminderWorkingDaysBeforeBoardMeeting
            .Select(n => calendar.WorkingDays.Before(cycle.BoardMeeting, n))
            .Where(day => day > after && day <= upTo)
            .Distinct()
            .ToList();

        var asks = new List<Ask>();
        foreach (var r in ratings)
        {
            var chair = chairs[r.BoardId];
            switch (r.State)
            {
                case RatingState.AwaitingProposal:
                    asks.Add(new Ask(AskKind.AskLead, r.LeadOfficerId, r.PriorityId, r.BoardId, r.Id, cycle.Quarter, cycle.BoardMeeting, cycle.Quarter.Key));
                    asks.AddRange(reminderDays.Select(day => new Ask(AskKind.RemindLead, r.LeadOfficerId, r.PriorityId, r.BoardId, r.Id, cycle.Quarter, cycle.BoardMeeting, Day(day))));
                    break;
                case RatingState.SentBack:
                    asks.Add(new Ask(AskKind.AskLead, r.LeadOfficerId, r.PriorityId, r.BoardId, r.Id, cycle.Quarter, cycle.BoardMeeting, "sent-back-" + Instant(r.DecidedAt)));
                    asks.AddRange(reminderDays.Select(day => new Ask(AskKind.RemindLead, r.LeadOfficerId, r.PriorityId, r.BoardId, r.Id, cycle.Quarter, cycle.BoardMeeting, Day(day))));
                    break;
                case RatingState.Proposed:
                    asks.Add(new Ask(AskKind.AskChair, chair, r.PriorityId, r.BoardId, r.Id, cycle.Quarter, cycle.BoardMeeting, "proposed-" + Instant(r.ProposedAt)));
                    asks.AddRange(reminderDays.Select(day => new Ask(AskKind.RemindChair, chair, r.PriorityId, r.BoardId, r.Id, cycle.Quarter, cycle.BoardMeeting, Day(day))));
                    break;
            }
        }

        if (includeUnopened)
        {
            var ready = await ReadyWithoutRatingAsync(cycle, upTo, cancellationToken);
            var priorities = await db.Priorities.AsNoTracking().Where(p => ready.Contains(p.Id))
                .Select(p => new { p.Id, p.LeadOfficerId, p.BoardId }).ToListAsync(cancellationToken);
            asks.AddRange(priorities.Select(p => new Ask(AskKind.AskLead, p.LeadOfficerId, p.Id, p.BoardId, null, cycle.Quarter, cycle.BoardMeeting, cycle.Quarter.Key)));
        }

        return asks.OrderBy(a => a.Kind).ThenBy(a => a.PersonId).ThenBy(a => a.PriorityId).ToList();
    }

    private async Task<bool> RatedMeanwhileAsync(Guid priorityId, Period quarter, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await db.Ratings.AsNoTracking().AnyAsync(r => r.PriorityId == priorityId && r.Period == quarter, cancellationToken);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Instant(DateTimeOffset? at) => (at ?? DateTimeOffset.MinValue).UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
