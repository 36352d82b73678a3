using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.People;
using PmfBot.Domain.Priorities;
using PmfBot.Domain.Ratings;
using PmfBot.Domain.Storage;

namespace PmfBot.Bot.Tabs;

/// <summary>
/// The overall ratings not yet decided that concern a person: waiting for their proposal (they lead the priority),
/// for their decision (they chair its board), or for the chair of a board they sit on. Only ratings the person
/// may read (<see cref="UndecidedRatings"/>) are ever listed.
/// </summary>
public static class WaitingDecisions
{
    public sealed record Waiting(PriorityRating Rating, Priority Priority, string BoardName, string WaitingFor);

    private static readonly RatingState[] Undecided = [RatingState.AwaitingProposal, RatingState.Proposed, RatingState.SentBack];

    public static async Task<IReadOnlyList<Waiting>> ForAsync(PmfDbContext db, Person person, CancellationToken cancellationToken)
    {
        var boards = await db.Boards.AsNoTracking().Include(b => b.Members)
            .Where(b => b.ChairId == person.Id || b.Members.Any(m => m.PersonId == person.Id))
            .ToListAsync(cancellationToken);
        var boardIds = boards.Select(b => b.Id).ToList();
        var ratings = await db.Ratings.AsNoTracking().Include(r => r.Priority)
            .Where(r => Undecided.Contains(r.State))
            .Where(r => boardIds.Contains(r.Priority.BoardId) || r.Priority.LeadOfficerId == person.Id)
            .ToListAsync(cancellationToken);
        var otherBoardIds = ratings.Select(r => r.Priority.BoardId).Except(boardIds).ToList();
        boards.AddRange(await db.Boards.AsNoTracking().Include(b => b.Members).Where(b => otherBoardIds.Contains(b.Id)).ToListAsync(cancellationToken));
        var byId = boards.ToDictionary(b => b.Id);

        return ratings
            .Where(r => UndecidedRatings.MayRead(person, byId[r.Priority.BoardId], r.Priority))
            .Select(r => new Waiting(r, r.Priority, byId[r.Priority.BoardId].Name, WaitingFor(r, person, byId[r.Priority.BoardId].ChairId)))
            .Where(w => w.WaitingFor.Length > 0)
            .OrderBy(w => w.Rating.Period).ThenBy(w => w.Priority.Code, StringComparer.Ordinal)
            .ToList();
    }

    private static string WaitingFor(PriorityRating rating, Person person, Guid chairId) => rating.State switch
    {
        RatingState.Proposed when chairId == person.Id => "Your decision as chair",
        RatingState.Proposed => "The chair's decision",
        RatingState.AwaitingProposal or RatingState.SentBack when rating.Priority.LeadOfficerId == person.Id => "Your proposal as lead officer",
        RatingState.AwaitingProposal or RatingState.SentBack when chairId == person.Id => "The lead officer's proposal",
        _ => "",
    };
}
