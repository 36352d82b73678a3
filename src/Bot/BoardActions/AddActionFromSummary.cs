using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PmfBot.Bot.Cards;
using PmfBot.Bot.Conversation;
using PmfBot.Bot.Ratings;
using PmfBot.Bot.Status;
using PmfBot.Bot.Summaries;
using PmfBot.Domain;
using PmfBot.Domain.BoardActions;
using PmfBot.Domain.Storage;
using PmfBot.Scheduler.Cycle;

namespace PmfBot.Bot.BoardActions;

/// <summary>
/// <c>action.add</c>, from the board summary's "Add an action" form: the chair or the performance
/// team adds an action the board agreed. Always answered with the board summary: a notice saying
/// it was added (its owner is told through the outbox), or the problems beside the fields.
/// </summary>
public sealed class AddActionFromSummary(PmfDbContext db, AddBoardAction add, SummaryCards summaries, CycleControl cycle, TimeProvider clock) : ICardAction
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

        try
        {
            var problems = await add.CheckAsync(command, cancellationToken);
            if (problems.Count > 0)
            {
                return await ProblemsAsync(request, boardId, quarter, form, problems, cancellationToken);
            }

            var action = await add.HandleAsync(command, cancellationToken);
            cycle.TryRunSoon("a board action");
            var owner = await db.People.AsNoTracking().Where(p => p.Id == action.OwnerId).Select(p => p.Name).SingleAsync(cancellationToken);
            return await summaries.BoardSummaryAsync(
                boardId, quarter, cancellationToken, request.Person,
                Notice.Good($"Added \"{action.Title}\" for {owner}, due {CardText.Date(action.DueDate)}. They are told now."));
        }
        catch (PmfRuleException refused) when (refused.Field is { Length: > 0 })
        {
            // Someone changed what the form relied on between the check and the save.
            db.ChangeTracker.Clear();
            return await ProblemsAsync(request, boardId, quarter, form, [refused], cancellationToken);
        }
        catch (PmfRuleException refused)
        {
            db.ChangeTracker.Clear();
            return await summaries.BoardSummaryAsync(boardId, quarter, cancellationToken, request.Person, Notice.Attention($"Nothing was added: {refused.Message}"));
        }
    }

    private async Task<JsonObject> ProblemsAsync(
        CardActionRequest request, Guid boardId, Domain.Calendar.Period quarter, SummaryCards.ActionForm form, IReadOnlyList<PmfRuleException> problems, CancellationToken cancellationToken)
    {
        // Teams shows a ShowCard closed again after an answer, so the notice says what the fields say.
        var errors = problems.GroupBy(p => p.Field ?? "").ToDictionary(g => g.Key, g => g.First().Message);
        return await summaries.BoardSummaryAsync(
            boardId, quarter, cancellationToken, request.Person,
            Notice.Attention($"Nothing was added: {string.Join(" ", errors.Values)}"),
            form with { Errors = errors });
    }
}
