using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.People;
using PmfBot.Domain.RagRatings;
using PmfBot.Domain.Storage;

namespace PmfBot.Domain.Ratings;

/// <summary>The board chair approves, amends (with a reason) or sends back a proposed rating.</summary>
public sealed class DecideRating(PmfDbContext db, TimeProvider clock)
{
    public abstract record Decision
    {
        public sealed record Approve : Decision;

        public sealed record Amend(Rag Rating, string Reason) : Decision;

        public sealed record SendBack(string Comment) : Decision;
    }

    public sealed record Command(Guid ActorId, Guid RatingId, Decision Decision);

    public async Task<PriorityRating> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        var actor = await db.ActorAsync(command.ActorId, cancellationToken);
        var rating = await db.Ratings.Include(r => r.Priority)
            .SingleOrDefaultAsync(r => r.Id == command.RatingId, cancellationToken)
            ?? throw new PmfRuleException("That rating no longer exists.");
        var board = await db.Boards.SingleAsync(b => b.Id == rating.Priority.BoardId, cancellationToken);
        var now = clock.GetUtcNow();
        switch (command.Decision)
        {
            case Decision.Approve:
                rating.Approve(actor, board, now);
                break;
            case Decision.Amend amend:
                rating.Amend(actor, board, amend.Rating, amend.Reason, now);
                break;
            case Decision.SendBack sendBack:
                rating.SendBack(actor, board, sendBack.Comment, now);
                break;
        }

        await db.SaveOrExplainAsync($"the {rating.Period.Label} rating for {rating.Priority.Code}", cancellationToken);
        return rating;
    }
}
