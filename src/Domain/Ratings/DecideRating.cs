using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Boards;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.People;
using PmfBot.Domain.RagRatings;
using PmfBot.Domain.Storage;

namespace PmfBot.Domain.Ratings;

/// <summary>
/// The board chair approves, amends (with a reason) or sends back a proposed rating. From a card
/// or the meeting panel: who may decide, whether the card is stale and the rating's own rules are
/// checked here, and the outcome is a value carrying the decided rating and its board, so nothing
/// is read again to show it.
/// </summary>
public sealed class DecideRating(PmfDbContext db, TimeProvider clock)
{
    public abstract record Decision
    {
        /// <summary>What the chair is doing, as the refusal words it: "You cannot approve this rating".</summary>
        public abstract string Verb { get; }

        public sealed record Approve : Decision
        {
            public override string Verb => "approve";
        }

        /// <param name="Rating">Null when the card's choice is not a rating.</param>
        public sealed record Amend(Rag? Rating, string Reason) : Decision
        {
            public override string Verb => "amend";
        }

        public sealed record SendBack(string Comment) : Decision
        {
            public override string Verb => "send back";
        }
    }

    /// <param name="SeenVersion">The rating's version the card was built from (null when it says none): a stale card changes nothing.</param>
    public sealed record Request(Person Actor, Guid PriorityId, Period Period, int? SeenVersion, Decision Decision);

    public sealed record Decided(PriorityRating Rating, Board Board);

    public async Task<CardOutcome<Decided>> DecideAsync(Request request, CancellationToken cancellationToken = default)
    {
        // The rating, its priority and its board in one read (tracked, so the priority is the rating's).
        var found = await db.Ratings.AsTracking()
            .Where(r => r.PriorityId == request.PriorityId && r.Period == request.Period)
            .Select(r => new { Rating = r, r.Priority, Board = db.Boards.AsTracking().FirstOrDefault(b => b.Id == r.Priority.BoardId) })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            var code = await db.Priorities.AsNoTracking().Where(p => p.Id == request.PriorityId).Select(p => p.Code).SingleOrDefaultAsync(cancellationToken);
            return code is null
                ? new CardOutcome<Decided>.NotAllowed("That card is out of date", "PmfBot cannot find the rating this card is about. Ask the performance team for a new one.")
                : new CardOutcome<Decided>.NotAllowed("There is nothing to decide yet", $"There is no proposed rating for {code} for {request.Period.Label} yet.");
        }

        var (rating, board) = (found.Rating, found.Board!);
        if (board.ChairId != request.Actor.Id)
        {
            db.ChangeTracker.Clear();
            return new CardOutcome<Decided>.NotAllowed(
                $"You cannot {request.Decision.Verb} this rating", $"Only the chair of {board.Name} can decide the rating for {rating.Priority.Code}.");
        }

        if (StaleCard.IsStale(request.SeenVersion, rating.Version))
        {
            db.ChangeTracker.Clear();
            return new CardOutcome<Decided>.Stale(StaleMessage(rating));
        }

        if (request.Decision is Decision.Amend { Rating: null })
        {
            db.ChangeTracker.Clear();
            return new CardOutcome<Decided>.Invalid("amendedRating", "Choose the rating the board agrees: green, amber or red.");
        }

        var outcome = await CardOutcome<Decided>.TryAsync(async () =>
        {
            var now = clock.GetUtcNow();
            await ApplyAsync(request.Actor, rating, board, request.Decision, now, cancellationToken);
            return new CardOutcome<Decided>.Saved(new Decided(rating, board), now);
        });
        if (outcome is not CardOutcome<Decided>.Saved)
        {
            db.ChangeTracker.Clear();
        }

        return outcome;
    }

    /// <summary>One decision by rating id, as scripts and tests use it: a broken rule is thrown, with its field.</summary>
    public sealed record Command(Guid ActorId, Guid RatingId, Decision Decision);

    public async Task<PriorityRating> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        var actor = await db.ActorAsync(command.ActorId, cancellationToken);
        var rating = await db.Ratings.Include(r => r.Priority)
            .SingleOrDefaultAsync(r => r.Id == command.RatingId, cancellationToken)
            ?? throw new PmfRuleException("That rating no longer exists.");
        var board = await db.Boards.SingleAsync(b => b.Id == rating.Priority.BoardId, cancellationToken);
        await ApplyAsync(actor, rating, board, command.Decision, clock.GetUtcNow(), cancellationToken);
        return rating;
    }

    private async Task ApplyAsync(Person actor, PriorityRating rating, Board board, Decision decision, DateTimeOffset now, CancellationToken cancellationToken)
    {
        switch (decision)
        {
            case Decision.Approve:
                rating.Approve(actor, board, now);
                break;
            case Decision.Amend amend:
                rating.Amend(actor, board, amend.Rating ?? throw new PmfRuleException("Choose the rating the board agrees: green, amber or red.", "amendedRating"), amend.Reason, now);
                break;
            case Decision.SendBack sendBack:
                rating.SendBack(actor, board, sendBack.Comment, now);
                break;
        }

        await db.SaveOrExplainAsync($"the {rating.Period.Label} rating for {rating.Priority.Code}", cancellationToken);
    }

    /// <summary>A card from before the decision says what was decided; any other stale card, the one stale message.</summary>
    private static string StaleMessage(PriorityRating rating) => rating.State switch
    {
        RatingState.Approved or RatingState.Amended or RatingState.SentBack =>
            $"This rating was already {(rating.State == RatingState.SentBack ? "sent back" : rating.State.ToString().ToLowerInvariant())}; here is the outcome. Nothing was changed.",
        _ => StaleCard.Message,
    };
}
