using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Boards;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Directorates;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.Priorities;
using PmfBot.Domain.Ratings;
using PmfBot.Domain.Results;
using PmfBot.Domain.Returns;
using PmfBot.Domain.Storage;

namespace PmfBot.Domain.Scorecards;

/// <summary>
/// The scorecards as the council publishes them, per quarter: a board's priorities with their
/// overall ratings and indicators, and a directorate's priorities, key indicators and self
/// assessment. Only what has been through sign-off is shown (see <see cref="PublishedRating"/> and
/// <see cref="PublishedResult"/>). A fixed number of queries, however many indicators.
/// </summary>
public sealed class PublishedScorecards(PmfDbContext db, TimeProvider clock)
{
    /// <param name="Quarters">The public quarters: ended, something published in them, and released by the performance team; newest first.</param>
    /// <param name="Boards">Boards that own priorities (scrutiny and audit boards have no scorecard).</param>
    /// <param name="AwaitingRelease">Quarters that have ended with something in them but are not released (never shown, only named as not released yet).</param>
    public sealed record Contents(IReadOnlyList<Period> Quarters, IReadOnlyList<Board> Boards, IReadOnlyList<Directorate> Directorates, IReadOnlyList<Period> AwaitingRelease)
    {
        /// <summary>Whether the public may see the quarter: the one check every published address makes.</summary>
        public bool IsPublic(Period quarter) => Quarters.Contains(quarter);

        public bool IsAwaitingRelease(Period quarter) => AwaitingRelease.Contains(quarter);
    }

    public sealed record PriorityLine(Priority Priority, string BoardName, string LeadOfficerName, PublishedRating Rating);

    public sealed record BoardSection(PriorityLine Priority, IReadOnlyList<PublishedResult> Indicators);

    public sealed record BoardView(Board Board, string ChairName, Period Quarter, IReadOnlyList<BoardSection> Priorities);

    public sealed record DirectorateView(
        Directorate Directorate,
        string? DirectorName,
        Period Quarter,
        IReadOnlyList<PriorityLine> Priorities,
        IReadOnlyList<PublishedResult> Indicators,
        string? SelfAssessment);

    public async Task<Contents> ContentsAsync(CancellationToken cancellationToken = default)
    {
        var ended = await QuartersWithSomethingAsync(cancellationToken);
        var released = await db.QuarterReleases.AsNoTracking().Where(r => r.IsReleased).Select(r => r.Period).ToListAsync(cancellationToken);
        var boards = (await db.Boards.AsNoTracking().ToListAsync(cancellationToken))
            .Where(b => b.OwnsPriorities)
            .OrderBy(b => b.Kind == BoardKind.BestCouncil).ThenBy(b => b.Name, StringComparer.Ordinal)
            .ToList();
        var directorates = (await db.Directorates.AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(d => d.Name, StringComparer.Ordinal)
            .ToList();
        return new Contents(
            ended.Where(released.Contains).ToList(),
            boards,
            directorates,
            ended.Where(q => !released.Contains(q)).ToList());
    }

    /// <summary>Quarters that have ended with at least one submitted return or decided rating, newest first, released or not.</summary>
    public async Task<IReadOnlyList<Period>> QuartersWithSomethingAsync(CancellationToken cancellationToken = default)
    {
        var latest = ReportingPeriods.Current(Frequency.Quarterly, UkTime.Today(clock));
        var returnPeriods = await db.Returns.AsNoTracking()
            .Where(r => r.State == ReturnState.Submitted || r.State == ReturnState.SignedOff)
            .Select(r => r.Period).Distinct().ToListAsync(cancellationToken);
        var ratingPeriods = await db.Ratings.AsNoTracking()
            .Where(r => r.State == RatingState.Approved || r.State == RatingState.Amended)
            .Select(r => r.Period).Distinct().ToListAsync(cancellationToken);
        var quarters = returnPeriods.Concat(ratingPeriods)
            .Select(p => Period.Containing(p.End, PeriodKind.Quarter))
            .Where(q => q.CompareTo(latest) <= 0)
            .Distinct()
            .OrderByDescending(q => q)
            .ToList();
        return quarters;
    }

    /// <returns>Null when there is no such board, or it owns no priorities (scrutiny, audit).</returns>
    public async Task<BoardView?> BoardAsync(Guid boardId, Period quarter, CancellationToken cancellationToken = default)
    {
        var board = await db.Boards.AsNoTracking().SingleOrDefaultAsync(b => b.Id == boardId, cancellationToken);
        if (board is not { OwnsPriorities: true })
        {
            return null;
        }

        var priorities = await db.Priorities.AsNoTracking().Where(p => p.BoardId == boardId).ToListAsync(cancellationToken);
        var lines = await LinesAsync(priorities, quarter, cancellationToken);
        var priorityIds = priorities.Select(p => p.Id).ToList();
        var indicators = await db.Indicators.AsNoTracking().AsSplitQuery()
            .Include(i => i.Targets).Include(i => i.Priorities)
            .Where(i => i.Priorities.Any(p => priorityIds.Contains(p.PriorityId)))
            .ToListAsync(cancellationToken);
        var results = await ResultsAsync(indicators, quarter, cancellationToken);
        var chair = await db.People.Where(p => p.Id == board.ChairId).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken);

        return new BoardView(
            board,
            chair ?? "no chair",
            quarter,
            lines.Select(line => new BoardSection(
                line,
                results.Where(r => r.Result.Indicator.Priorities.Any(link => link.PriorityId == line.Priority.Id)).ToList())).ToList());
    }

    /// <returns>Null when there is no such directorate.</returns>
    public async Task<DirectorateView?> DirectorateAsync(Guid directorateId, Period quarter, CancellationToken cancellationToken = default)
    {
        var directorate = await db.Directorates.AsNoTracking().SingleOrDefaultAsync(d => d.Id == directorateId, cancellationToken);
        if (directorate is null)
        {
            return null;
        }

        var priorities = await db.Priorities.AsNoTracking().Where(p => p.DirectorateId == directorateId).ToListAsync(cancellationToken);
        var lines = await LinesAsync(priorities, quarter, cancellationToken);
        var indicators = await db.Indicators.AsNoTracking().Include(i => i.Targets)
            .Where(i => i.DirectorateId == directorateId && i.RetiredAt == null).ToListAsync(cancellationToken);
        var results = await ResultsAsync(indicators, quarter, cancellationToken);
        var assessment = await db.SelfAssessments.AsNoTracking()
            .Where(s => s.DirectorateId == directorateId && s.Period == quarter)
            .Select(s => s.Concerns).SingleOrDefaultAsync(cancellationToken);
        var director = directorate.DirectorId is { } directorId
            ? await db.People.Where(p => p.Id == directorId).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken)
            : null;

        return new DirectorateView(directorate, director, quarter, lines, results, string.IsNullOrWhiteSpace(assessment) ? null : assessment);
    }

    private async Task<IReadOnlyList<PriorityLine>> LinesAsync(IReadOnlyCollection<Priority> priorities, Period quarter, CancellationToken cancellationToken)
    {
        var priorityIds = priorities.Select(p => p.Id).ToList();
        var ratings = await db.Ratings.AsNoTracking()
            .Where(r => priorityIds.Contains(r.PriorityId) && r.Period == quarter)
            .ToDictionaryAsync(r => r.PriorityId, cancellationToken);
        var boardIds = priorities.Select(p => p.BoardId).Distinct().ToList();
        var boards = await db.Boards.AsNoTracking().Where(b => boardIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Name, cancellationToken);
        var leadIds = priorities.Select(p => p.LeadOfficerId).Distinct().ToList();
        var leads = await db.People.AsNoTracking().Where(p => leadIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        return priorities.OrderBy(p => p.Code, StringComparer.Ordinal)
            .Select(p => new PriorityLine(
                p,
                boards.GetValueOrDefault(p.BoardId, ""),
                leads.GetValueOrDefault(p.LeadOfficerId, "unknown"),
                PublishedRating.Of(ratings.GetValueOrDefault(p.Id))))
            .ToList();
    }

    private async Task<IReadOnlyList<PublishedResult>> ResultsAsync(IReadOnlyCollection<Indicator> indicators, Period quarter, CancellationToken cancellationToken)
    {
        var today = UkTime.Today(clock);
        var signingOff = await db.Directorates.AsNoTracking().Where(d => d.UsesSignOff).Select(d => d.Id).ToListAsync(cancellationToken);
        var needsSignOff = indicators.Where(i => i.DirectorateId is { } d && signingOff.Contains(d)).Select(i => i.Id).ToHashSet();
        var results = await IndicatorResults.LoadAsync(
            db, indicators, quarter, today, cancellationToken,
            // Imported past values were reported at the time: nobody signs them off again.
            counts: r => r.IsImported || PublishedResult.IsPublishable(r.State, needsSignOff.Contains(r.IndicatorId)));

        // What the unpublished returns are doing, to say "awaiting sign-off" or "missing" without showing them.
        var ids = indicators.Select(i => i.Id).ToList();
        var periods = results.Select(r => r.Period).Distinct().ToList();
        var actual = (await db.Returns.AsNoTracking()
                .Where(r => ids.Contains(r.IndicatorId) && periods.Contains(r.Period))
                .Select(r => new { r.IndicatorId, r.Period, r.State, r.DueDate })
                .ToListAsync(cancellationToken))
            .ToDictionary(r => (r.IndicatorId, r.Period));

        return results
            .OrderBy(r => r.Indicator.Code, StringComparer.Ordinal)
            .Select(r =>
            {
                var found = actual.GetValueOrDefault((r.Indicator.Id, r.Period));
                return new PublishedResult(r, PublishedResult.Of(r, found?.State, found?.DueDate, today));
            })
            .ToList();
    }
}
