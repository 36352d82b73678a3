using System.Globalization;
using System.Text.Json.Nodes;
using PmfBot.Bot.Cards;
using PmfBot.Bot.Conversation;
using PmfBot.Bot.Status;
using PmfBot.Bot.Summaries;
using PmfBot.Domain.BoardActions;
using PmfBot.Domain.Calendar;
using PmfBot.Scheduler.Cycle;
using Outcome = PmfBot.Domain.CardOutcome<PmfBot.Domain.BoardActions.AddBoardAction.Added>;

namespace PmfBot.Bot.BoardActions;

/// <summary>
/// <c>action.add</c>, from the board summary's "Add an action" form: the chair or the performance
/// team adds an action the board agreed. Always answered with the board summary: a notice saying
/// it was added (its owner is told through the outbox), or the problems beside the fields.
/// </summary>
public sealed class AddActionFromSummary(AddBoardAction add, SummaryCards summaries, CycleControl cycle, TimeProvider clock) : ICardAction
{
    public async Task<JsonNode> HandleAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        var boardId = request.Id("boardId");
        var quarter = ResultText.QuarterOf(request, clock);
        var form = new SummaryCards.ActionForm(
            request.Text("actionTitle"), request.Text("actionOwnerId"), request.Text("actionOwnerEmail"),
            request.Text("actionDueDate"), request.Text("actionPriorityId"), new Dictionary<string, string>());
        var command = new AddBoardAction.Command(
            request.Person.Id,
            boardId,
            quarter,
            form.Title,
            Guid.TryParse(form.OwnerId, out var ownerId) ? ownerId : null,
            form.OwnerEmail,
            DateOnly.TryParseExact(form.DueDate.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due) ? due : null,
            Guid.TryParse(form.PriorityId, out var priorityId) ? priorityId : null);

        var outcome = await add.AddAsync(request.Person, command, cancellationToken);
        switch (outcome)
        {
            case Outcome.Saved saved:
                cycle.TryRunSoon("a board action");
                var action = saved.Value.Action;
                return await summaries.BoardSummaryAsync(
                    boardId, quarter, cancellationToken, request.Person,
                    Notice.Good($"Added \"{action.Title}\" for {saved.Value.Owner.Name}, due {CardText.Date(action.DueDate)}. They are told now."));
            case Outcome.InvalidFields invalid:
                return await ProblemsAsync(request, boardId, quarter, form, invalid.Errors, cancellationToken);
            case Outcome.Invalid invalid:
                // Someone changed what the form relied on between the check and the save.
                return await ProblemsAsync(request, boardId, quarter, form, new Dictionary<string, string> { [invalid.Field] = invalid.Message }, cancellationToken);
            case Outcome.Refused refused:
                return await summaries.BoardSummaryAsync(boardId, quarter, cancellationToken, request.Person, Notice.Attention($"Nothing was added: {refused.Reason}"));
            default:
                throw new InvalidOperationException($"{outcome} is not an outcome of adding a board action.");
        }
    }

    private async Task<JsonObject> ProblemsAsync(
        CardActionRequest request, Guid boardId, Period quarter, SummaryCards.ActionForm form, IReadOnlyDictionary<string, string> errors, CancellationToken cancellationToken) =>
        // Teams shows a ShowCard closed again after an answer, so the notice says what the fields say.
        await summaries.BoardSummaryAsync(
            boardId, quarter, cancellationToken, request.Person,
            Notice.Attention($"Nothing was added: {string.Join(" ", errors.Values)}"),
            form with { Errors = errors });
}
