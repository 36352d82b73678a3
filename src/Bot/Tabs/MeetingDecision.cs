using Microsoft.EntityFrameworkCore;
using PmfBot.Domain;
using PmfBot.Domain.People;
using PmfBot.Domain.RagRatings;
using PmfBot.Domain.Ratings;
using PmfBot.Domain.Storage;
using PmfBot.Scheduler.Cycle;

namespace PmfBot.Bot.Tabs;

/// <summary>
/// The chair approves, amends or sends back a rating from the meeting panel: the same use case, rules and audit as
/// the approval card (<see cref="DecideRating"/>), the same stale-version check, and the same nudge to the cycle
/// (a sent-back rating goes to the lead, a board's last decision sends its summary). Answers with the panel again,
/// saying what was done or, with the chair's words kept, why nothing was saved.
/// </summary>
public sealed class MeetingDecision(PmfDbContext db, DecideRating decide, MeetingPanel panel, CycleControl cycle)
{
    public async Task<string?> HandleAsync(Guid boardId, Person chair, IFormCollection fields, CancellationToken cancellationToken)
    {
        var form = new MeetingPanel.Form(
            fields["decision"].ToString(), fields["amendedRating"].ToString(), fields["reason"].ToString(), fields["comment"].ToString(),
            new Dictionary<string, string>());
        var rating = Guid.TryParse(fields["ratingId"], out var ratingId)
            ? await db.Ratings.AsNoTracking().Include(r => r.Priority).SingleOrDefaultAsync(r => r.Id == ratingId, cancellationToken)
            : null;
        if (rating is null || rating.Priority.BoardId != boardId)
        {
            return await panel.RenderAsync(boardId, chair, "PmfBot cannot find the rating you decided on this board. Nothing was changed; here is the panel as it is now.", "attention", null, cancellationToken);
        }

        int? seenVersion = int.TryParse(fields["version"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version)
            ? version
            : null;
        DecideRating.Decision? decision = form.Decision switch
        {
            "approve" => new DecideRating.Decision.Approve(),
            "amend" => new DecideRating.Decision.Amend(RagOf(form.AmendedRating), form.Reason),
            "sendBack" => new DecideRating.Decision.SendBack(form.Comment),
            _ => null,
        };
        if (decision is null)
        {
            return StaleCard.IsStale(seenVersion, rating.Version)
                ? await StaleAsync(boardId, chair, rating, cancellationToken)
                : await panel.RenderAsync(boardId, chair, "Nothing was saved: Choose Approve, Amend or Send back.", "attention", (rating.Id, form), cancellationToken);
        }

        var outcome = await decide.DecideAsync(new DecideRating.Request(chair, rating.PriorityId, rating.Period, seenVersion, decision), cancellationToken);
        switch (outcome)
        {
            case CardOutcome<DecideRating.Decided>.Saved saved:
                cycle.TryRunSoon("a chair's decision in the meeting panel");
                return await panel.RenderAsync(boardId, chair, Done(saved.Value.Rating), "good", null, cancellationToken);
            case CardOutcome<DecideRating.Decided>.Stale:
                return await StaleAsync(boardId, chair, rating, cancellationToken);
            case CardOutcome<DecideRating.Decided>.Invalid invalid:
                var errors = new Dictionary<string, string> { [invalid.Field] = invalid.Message };
                if (invalid.Field == "amendedRating" && string.IsNullOrWhiteSpace(form.Reason))
                {
                    errors.TryAdd("reason", "Say why you are changing the proposed rating.");
                }

                return await panel.RenderAsync(
                    boardId, chair, "Nothing was saved: " + string.Join(" ", errors.Values), "attention", (rating.Id, form with { Errors = errors }), cancellationToken);
            case CardOutcome<DecideRating.Decided>.Refused refused:
                return await panel.RenderAsync(boardId, chair, "Nothing was saved: " + refused.Reason, "attention", (rating.Id, form), cancellationToken);
            case CardOutcome<DecideRating.Decided>.NotAllowed notAllowed:
                return await panel.RenderAsync(boardId, chair, "Nothing was saved: " + notAllowed.Reason, "attention", (rating.Id, form), cancellationToken);
            default:
                throw new InvalidOperationException($"{outcome} is not an outcome of deciding a rating.");
        }
    }

    /// <summary>The panel's words for a stale rating (the panel shows every rating waiting, so it names the priority).</summary>
    private Task<string?> StaleAsync(Guid boardId, Person chair, PriorityRating rating, CancellationToken cancellationToken) =>
        panel.RenderAsync(boardId, chair, $"The rating for {rating.Priority.Code} changed since the panel was loaded; here it is now. Nothing was changed.", "attention", null, cancellationToken);

    private static Rag? RagOf(string text) => text.Trim() switch
    {
        "Green" => Rag.Green,
        "Amber" => Rag.Amber,
        "Red" => Rag.Red,
        _ => null,
    };

    private static string Done(PriorityRating rating) => rating.State switch
    {
        RatingState.Approved => $"You approved {rating.ProposedRag} for {rating.Priority.Code}. It is recorded in the audit log and everyone now sees the outcome.",
        RatingState.Amended => $"You amended the rating for {rating.Priority.Code} to {rating.AmendedRag}. It is recorded in the audit log with your reason.",
        _ => $"You sent the rating for {rating.Priority.Code} back to the lead officer, with your comment.",
    };
}
