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

        if (!int.TryParse(fields["version"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version)
            || version != rating.Version)
        {
            return await panel.RenderAsync(boardId, chair, $"The rating for {rating.Priority.Code} changed since the panel was loaded; here it is now. Nothing was changed.", "attention", null, cancellationToken);
        }

        DecideRating.Decision? decision = form.Decision switch
        {
            "approve" => new DecideRating.Decision.Approve(),
            "amend" => RagOf(form.AmendedRating) is { } rag ? new DecideRating.Decision.Amend(rag, form.Reason) : null,
            "sendBack" => new DecideRating.Decision.SendBack(form.Comment),
            _ => null,
        };
        if (decision is null)
        {
            var errors = new Dictionary<string, string>();
            if (form.Decision == "amend")
            {
                errors["amendedRating"] = "Choose the rating the board agrees: green, amber or red.";
                if (string.IsNullOrWhiteSpace(form.Reason))
                {
                    errors["reason"] = "Say why you are changing the proposed rating.";
                }
            }

            var message = errors.Count > 0 ? string.Join(" ", errors.Values) : "Choose Approve, Amend or Send back.";
            return await panel.RenderAsync(boardId, chair, "Nothing was saved: " + message, "attention", (rating.Id, form with { Errors = errors }), cancellationToken);
        }

        try
        {
            var decided = await decide.HandleAsync(new DecideRating.Command(chair.Id, rating.Id, decision), cancellationToken);
            cycle.TryRunSoon("a chair's decision in the meeting panel");
            return await panel.RenderAsync(boardId, chair, Done(decided), "good", null, cancellationToken);
        }
        catch (PmfRuleException refused)
        {
            db.ChangeTracker.Clear();
            var errors = refused.Field is { Length: > 0 } field ? new Dictionary<string, string> { [field] = refused.Message } : new Dictionary<string, string>();
            return await panel.RenderAsync(boardId, chair, "Nothing was saved: " + refused.Message, "attention", (rating.Id, form with { Errors = errors }), cancellationToken);
        }
    }

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
