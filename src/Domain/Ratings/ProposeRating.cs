using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.People;
using PmfBot.Domain.RagRatings;
using PmfBot.Domain.Storage;

namespace PmfBot.Domain.Ratings;

/// <summary>
/// A priority's lead officer proposes its overall progress rating with a summary. From a card: who
/// may propose and whether the card is stale are checked here, and the outcome is a value the bot
/// renders, with the chair's name the saved proposal now waits for.
/// </summary>
public sealed class ProposeRating(PmfDbContext db, TimeProvider clock)
{
    /// <param name="SeenVersion">The rating's version the card was built from (0 before any proposal; null when it says none).</param>
    /// <param name="Rating">Null when the card's choice is not a rating.</param>
    public sealed record Request(Person Actor, Guid PriorityId, Period Period, int? SeenVersion, Rag? Rating, string Summary);

    public sealed record Proposed(PriorityRating Rating, string ChairName);

    public async Task<CardOutcome<Proposed>> ProposeAsync(Request request, CancellationToken cancellationToken = default)
    {
        var found = await db.Priorities.AsNoTracking()
            .Where(p => p.Id == request.PriorityId)
            .Select(p => new
            {
                p.LeadOfficerId,
                p.Code,
                Version = db.Ratings.Where(r => r.PriorityId == p.Id && r.Period == request.Period).Select(r => (int?)r.Version).FirstOrDefault(),
                Chair = db.Boards.Where(b => b.Id == p.BoardId).Join(db.People, b => b.ChairId, c => c.Id, (b, c) => c.Name).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return new CardOutcome<Proposed>.NotAllowed("That card is out of date", "PmfBot cannot find the priority this card is about. Ask the performance team for a new one.");
        }

        if (request.Actor.Id != found.LeadOfficerId)
        {
            return new CardOutcome<Proposed>.NotAllowed("You cannot propose this rating", $"Only the lead officer for {found.Code} can propose its overall rating.");
        }

        if (request.Period != ReportingPeriods.Current(Frequency.Quarterly, UkTime.Today(clock)) || StaleCard.IsStale(request.SeenVersion, found.Version ?? 0))
        {
            return new CardOutcome<Proposed>.Stale(StaleCard.Message);
        }

        if (request.Rating is not { } rag)
        {
            return new CardOutcome<Proposed>.Invalid("rating", "Choose green, amber or red.");
        }

        var outcome = await CardOutcome<Proposed>.TryAsync(async () =>
        {
            var rating = await SaveAsync(request.Actor, request.PriorityId, request.Period, rag, request.Summary, cancellationToken);
            return new CardOutcome<Proposed>.Saved(new Proposed(rating, found.Chair ?? "the chair"), clock.GetUtcNow());
        });
        if (outcome is not CardOutcome<Proposed>.Saved)
        {
            db.ChangeTracker.Clear();
        }

        return outcome;
    }

    /// <summary>One proposal by person id, as scripts and tests use it: a broken rule is thrown, with its field.</summary>
    public sealed record Command(Guid ActorId, Guid PriorityId, Period Period, Rag Rating, string Summary);

    public async Task<PriorityRating> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        var actor = await db.ActorAsync(command.ActorId, cancellationToken);
        return await SaveAsync(actor, command.PriorityId, command.Period, command.Rating, command.Summary, cancellationToken);
    }

    private async Task<PriorityRating> SaveAsync(Person actor, Guid priorityId, Period period, Rag rag, string summary, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rating = await db.Ratings.AsTracking().Include(r => r.Priority)
            .SingleOrDefaultAsync(r => r.PriorityId == priorityId && r.Period == period, cancellationToken);
        if (rating is null)
        {
            var priority = await db.Priorities.AsTracking().SingleOrDefaultAsync(p => p.Id == priorityId, cancellationToken)
                ?? throw new PmfRuleException("That priority no longer exists.");
            rating = PriorityRating.AwaitProposal(priority, period, now);
            db.Ratings.Add(rating);
        }

        rating.Propose(actor, rag, summary, now);
        await db.SaveOrExplainAsync($"the {period.Label} rating for {rating.Priority.Code}", cancellationToken);
        return rating;
    }
}
