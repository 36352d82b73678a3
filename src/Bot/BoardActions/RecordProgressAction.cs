using System.Text.Json.Nodes;
using PmfBot.Bot.Cards;
using PmfBot.Bot.Conversation;
using PmfBot.Bot.Ratings;
using PmfBot.Domain.BoardActions;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Indicators;
using PmfBot.Domain;
using Outcome = PmfBot.Domain.CardOutcome<PmfBot.Domain.BoardActions.BoardAction>;

namespace PmfBot.Bot.BoardActions;

/// <summary><c>action.progress</c>: the action's owner records the quarter's status and note.</summary>
public sealed class RecordProgressAction(RecordActionProgress record, ActionProgressCard card, MessageCards messages, TimeProvider clock) : ICardAction
{
    public async Task<JsonNode> HandleAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        var actionId = request.Id("actionId");
        if (CardInputs.PeriodOf(request) is not { } period)
        {
            return messages.Refusal("That card is out of date", "PmfBot cannot find the board action this card is about.");
        }

        var statusText = request.Text("status");
        var note = request.Text("note");
        var status = Enum.TryParse<ActionStatus>(statusText, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(statusText, out _)
            ? parsed
            : (ActionStatus?)null;
        var outcome = await record.HandleAsync(
            new RecordActionProgress.Command(request.Person, actionId, period, CardInputs.SeenVersionOf(request), status, note), cancellationToken);
        return outcome switch
        {
            Outcome.Saved saved => await card.RenderAsync(
                actionId, period, request.Person, Notice.Good($"Progress for {period.Label} saved at {CardWords.Time(saved.At)}."), cancellationToken: cancellationToken),
            Outcome.Stale stale => await card.RenderAsync(
                actionId, ReportingPeriods.Current(Frequency.Quarterly, UkTime.Today(clock)), request.Person, Notice.Warning(stale.Message), cancellationToken: cancellationToken),
            Outcome.Invalid invalid => await card.RenderAsync(
                actionId, period, request.Person, Notice.Attention("Nothing was saved: please check the fields marked below."),
                new ActionProgressCard.Input(statusText, note, Errors(invalid, status, note)), cancellationToken),
            Outcome.Refused refused => await card.RenderAsync(actionId, period, request.Person, Notice.Attention(refused.Reason), cancellationToken: cancellationToken),
            Outcome.NotAllowed notAllowed => messages.Refusal(notAllowed.Title, notAllowed.Reason),
            _ => throw new InvalidOperationException($"{outcome} is not an outcome of recording progress."),
        };
    }

    /// <summary>The field the use case named, and a blank note beside a missing status, so both show at once.</summary>
    private static Dictionary<string, string> Errors(Outcome.Invalid invalid, ActionStatus? status, string note)
    {
        var errors = new Dictionary<string, string> { [invalid.Field] = invalid.Message };
        if (status is null && string.IsNullOrWhiteSpace(note))
        {
            errors.TryAdd("note", "Add a short note on progress.");
        }

        return errors;
    }
}
