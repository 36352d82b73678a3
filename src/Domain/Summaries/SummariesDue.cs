using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Boards;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Cycle;
using PmfBot.Domain.Storage;

namespace PmfBot.Domain.Summaries;

/// <summary>
/// Which summaries a quarter's cycle owes. A board that owns priorities gets its summary when
/// all its priorities' ratings are decided, or on its board meeting day at the latest (those
/// still undecided shown as awaiting sign-off). Once every board's summary is due, each
/// scrutiny board gets the scrutiny summary (all boards' ratings and the exceptions) and the
/// governance and audit committee the compliance report.
/// </summary>
public sealed class SummariesDue(PmfDbContext db)
{
    public enum SummaryKind
    {
        Board,
        Scrutiny,
        Compliance,
    }

    /// <param name="AllDecided">False when posted at the deadline with ratings still awaiting sign-off.</param>
    public sealed record Summary(SummaryKind Kind, Guid BoardId, Period Quarter, IReadOnlyList<Guid> PriorityIds, IReadOnlyList<Guid> RatingIds, bool AllDecided);

    public async Task<IReadOnlyList<Summary>> OnAsync(QuarterCycle cycle, DateOnly today, CancellationToken cancellationToken = default)
    {
        if (!cycle.IsRunningOn(today))
        {
            return [];
        }

        var boards = await db.Boards.AsNoTracking().Select(b => new { b.Id, b.Kind }).ToListAsync(cancellationToken);
        var priorities = await db.Priorities.AsNoTracking().Select(p => new { p.Id, p.BoardId }).ToListAsync(cancellationToken);
        var ratings = await db.Ratings.AsNoTracking().Where(r => r.Period == cycle.Quarter)
            .Select(r => new { r.Id, r.PriorityId, r.State }).ToListAsync(cancellationToken);
        var ratingOf = ratings.ToDictionary(r => r.PriorityId);
        var deadlineReached = today >= cycle.BoardMeeting;

        var summaries = new List<Summary>();
        foreach (var board in boards.Where(b => b.Kind is BoardKind.StrategicPartnership or BoardKind.BestCouncil or BoardKind.DirectorateManagementTeam))
        {
            var owned = priorities.Where(p => p.BoardId == board.Id).Select(p => p.Id).ToList();
            if (owned.Count == 0)
            {
                continue;
            }

            var decided = owned.All(id => ratingOf.TryGetValue(id, out var r) && r.State is Ratings.RatingState.Approved or Ratings.RatingState.Amended);
            if (decided || deadlineReached)
            {
                var ratingIds = owned.Where(ratingOf.ContainsKey).Select(id => ratingOf[id].Id).ToList();
                summaries.Add(new Summary(SummaryKind.Board, board.Id, cycle.Quarter, owned, ratingIds, decided));
            }
        }

        var owningBoards = priorities.Select(p => p.BoardId).Distinct().Count();
        if (owningBoards > 0 && summaries.Count == owningBoards)
        {
            var everyPriority = priorities.Select(p => p.Id).ToList();
            var everyRating = ratings.Select(r => r.Id).ToList();
            var allDecided = summaries.All(s => s.AllDecided);
            summaries.AddRange(boards.Where(b => b.Kind == BoardKind.Scrutiny)
                .Select(b => new Summary(SummaryKind.Scrutiny, b.Id, cycle.Quarter, everyPriority, everyRating, allDecided)));
            summaries.AddRange(boards.Where(b => b.Kind == BoardKind.GovernanceAndAudit)
                .Select(b => new Summary(SummaryKind.Compliance, b.Id, cycle.Quarter, [], [], allDecided)));
        }

        return summaries;
    }
}
