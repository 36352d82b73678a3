using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.People;
using PmfBot.Domain.RagRatings;
using PmfBot.Domain.Storage;

namespace PmfBot.Domain.Ratings;

/// <summary>A priority's lead officer proposes its overall progress rating with a summary.</summary>
public sealed class ProposeRating(PmfDbContext db, TimeProvider clock)
{
    public sealed record Command(Guid ActorId, Guid PriorityId, Period Period, Rag Rating, string Summary);

    public async Task<PriorityRating> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        var actor = await db.ActorAsync(command.ActorId, cancellationToken);
        var now = clock.GetUtcNow();
        var rating = await db.Ratings.Include(r => r.Priority)
            .SingleOrDefaultAsync(r => r.PriorityId == command.PriorityId && r.Period == command.Period, cancellationToken);
        if (rating is null)
        {
            var priority = await db.Priorities.SingleOrDefaultAsync(p => p.Id == command.PriorityId, cancellationToken)
                ?? throw new PmfRuleException("That priority no longer exists.");
            rating = PriorityRating.AwaitProposal(priority, command.Period, now);
            db.Ratings.Add(rating);
        }

        rating.Propose(actor, command.Rating, command.Summary, now);
        await db.SaveOrExplainAsync($"the {command.Period.Label} rating for {rating.Priority.Code}", cancellationToken);
        return rating;
    }
}
