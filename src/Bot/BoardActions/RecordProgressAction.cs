using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PmfBot.Bot.Cards;
using PmfBot.Bot.Conversation;
using PmfBot.Bot.Ratings;
using PmfBot.Domain;
using PmfBot.Domain.BoardActions;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.Storage;

namespace PmfBot.Bot.BoardActions;

/// <summary><c>action.progress</c>: the action's owner records the quarter's status and note.</summary>
public sealed class RecordProgressAction(
    PmfDbContext db, RecordActionProgress record, ActionProgressCard card, MessageCards messages, TimeProvider clock) : ICardAction
{
    public async Task<JsonNode> HandleAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        var actionId = request.Id("actionId");
        var action = await db.BoardActions.AsNoTracking().Where(a => a.Id == actionId)
            .Select(a => new { a.OwnerId, a.Version }).SingleOrDefaultAsync(cancellationToken);
        if (action is null || CardInputs.PeriodOf(request) is not { } period)
        {
            return messages.Refusal("That card is out of date", "PmfBot cannot find the board action this card is about.");
        }

        if (action.OwnerId != request.Person.Id && !request.Person.IsPerformanceTeam)
        {
            return messages.Refusal("You cannot report on this action", "Only the action's owner can report its progress.");
        }

        var current = ReportingPeriods.Current(Frequency.Quarterly, UkTime.Today(clock));
        if (period != current)
        {
            return await card.RenderAsync(actionId, current, request.Person, Notice.Warning(StaleCard.Message), cancellationToken: cancellationToken);
        }

        var statusText = request.Text("status");
        var note = request.Text("note");
        var errors = new Dictionary<string, string>();
        var status = Enum.TryParse<ActionStatus>(statusText, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(statusText, out _)
            ? parsed
            : (ActionStatus?)null;
        if (status is null)
        {
            errors["status"] = "Choose how the action stands: not started, on track, delayed or complete.";
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            errors["note"] = "Add a short note on progress.";
        }

        if (errors.Count == 0)
        {
            try
            {
                await record.HandleAsync(
                    new RecordActionProgress.Command(request.Person.Id, actionId, period, CardInputs.VersionOf(request), status!.Value, note), cancellationToken);
                return await card.RenderAsync(
                    actionId, period, request.Person, Notice.Good($"Progress for {period.Label} saved at {CardWords.Time(clock.GetUtcNow())}."), cancellationToken: cancellationToken);
            }
            catch (PmfRuleException refused) when (refused.Field is { Length: > 0 } field && !refused.IsStale())
            {
                errors[field] = refused.Message;
            }
            catch (PmfRuleException refused)
            {
                db.ChangeTracker.Clear();
                return await card.RenderAsync(actionId, period, request.Person, Notice.Attention(refused.Message), cancellationToken: cancellationToken);
            }
        }

        db.ChangeTracker.Clear();
        return await card.RenderAsync(
            actionId,
            period,
            request.Person,
            Notice.Attention("Nothing was saved: please check the fields marked below."),
            new ActionProgressCard.Input(statusText, note, errors),
            cancellationToken);
    }
}
