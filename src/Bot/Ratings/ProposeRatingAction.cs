using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PmfBot.Bot.Cards;
using PmfBot.Bot.Conversation;
using PmfBot.Domain;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.Ratings;
using PmfBot.Domain.Storage;
using PmfBot.Scheduler.Cycle;

namespace PmfBot.Bot.Ratings;

/// <summary><c>rating.propose</c>: the lead officer proposes (or changes) the priority's overall rating.</summary>
public sealed class ProposeRatingAction(PmfDbContext db, ProposeRating propose, RatingCards cards, MessageCards messages, CycleControl cycle, TimeProvider clock)
    : ICardAction
{
    public async Task<JsonNode> HandleAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        var priorityId = request.Id("priorityId");
        var priority = await db.Priorities.AsNoTracking().SingleOrDefaultAsync(p => p.Id == priorityId, cancellationToken);
        if (priority is null || CardInputs.PeriodOf(request) is not { } period)
        {
            return messages.Refusal("That card is out of date", "PmfBot cannot find the priority this card is about. Ask the performance team for a new one.");
        }

        if (request.Person.Id != priority.LeadOfficerId)
        {
            return messages.Refusal("You cannot propose this rating", $"Only the lead officer for {priority.Code} can propose its overall rating.");
        }

        var current = ReportingPeriods.Current(Frequency.Quarterly, UkTime.Today(clock));
        var stored = await db.Ratings.AsNoTracking()
            .Where(r => r.PriorityId == priorityId && r.Period == period).Select(r => (int?)r.Version).SingleOrDefaultAsync(cancellationToken);
        if (period != current || (stored ?? 0) != CardInputs.VersionOf(request))
        {
            return await cards.ProposalCardAsync(priorityId, period, request.Person, Notice.Warning(StaleCard.Message), cancellationToken: cancellationToken);
        }

        var ratingText = request.Text("rating");
        var summary = request.Text("summary");
        var errors = new Dictionary<string, string>();
        if (CardInputs.RagOf(ratingText) is not { } rag)
        {
            errors["rating"] = "Choose green, amber or red.";
        }
        else
        {
            try
            {
                await propose.HandleAsync(new ProposeRating.Command(request.Person.Id, priorityId, period, rag, summary), cancellationToken);

                // The chair's approval card goes out now rather than at the cycle's next quarter-hour.
                cycle.TryRunSoon("a rating proposal");
                var chair = await db.Boards.AsNoTracking().Where(b => b.Id == priority.BoardId)
                    .Join(db.People, b => b.ChairId, p => p.Id, (b, p) => p.Name).SingleAsync(cancellationToken);
                return await cards.ProposalCardAsync(
                    priorityId,
                    period,
                    request.Person,
                    Notice.Good($"Your proposal of {rag} was saved at {CardWords.Time(clock.GetUtcNow())}. It now waits for the chair, {chair}."),
                    cancellationToken: cancellationToken);
            }
            catch (PmfRuleException refused) when (refused.Field is { Length: > 0 } field)
            {
                errors[field] = refused.Message;
            }
            catch (PmfRuleException refused)
            {
                db.ChangeTracker.Clear();
                return await cards.ProposalCardAsync(priorityId, period, request.Person, Notice.Attention(refused.Message), cancellationToken: cancellationToken);
            }
        }

        if (string.IsNullOrWhiteSpace(summary))
        {
            errors.TryAdd("summary", "Write a short summary of progress to go with the rating.");
        }

        db.ChangeTracker.Clear();
        return await cards.ProposalCardAsync(
            priorityId,
            period,
            request.Person,
            Notice.Attention("Nothing was saved: please check the fields marked below."),
            new RatingCards.ProposalInput(ratingText, summary, errors),
            cancellationToken);
    }
}
