using System.Text.Json.Nodes;
using PmfBot.Bot.Compliance;
using PmfBot.Bot.Exceptions;
using PmfBot.Bot.Scorecards;
using PmfBot.Bot.Status;
using PmfBot.Bot.Summaries;
using PmfBot.Bot.Teams.Activities;
using PmfBot.Bot.Teams.Messaging;
using PmfBot.Domain;
using PmfBot.Domain.Storage;

namespace PmfBot.Bot.Conversation;

/// <summary>
/// Answers every card button (Universal Actions, <c>adaptiveCard/action</c>): one line per verb.
/// A broken rule comes back as a message card with its reason; a save whose connection failed is
/// answered with a message that keeps the card (try again); anything unexpected is logged and the
/// person is told nothing was saved, never shown a stack trace.
/// </summary>
public sealed class CardActionTable(IServiceProvider services, Speaker speaker, MessageCards messages, ILogger<CardActionTable> logger)
    : IInvokeHandler
{
    public static readonly IReadOnlyDictionary<string, Type> Verbs = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase)
    {
        ["status.show"] = typeof(StatusCard),
        ["indicator.history"] = typeof(HistoryCard),
        ["exceptions.show"] = typeof(ExceptionsCard),
        ["board.show"] = typeof(SummaryCards),
        ["scorecard.show"] = typeof(ScorecardCard),
        ["compliance.show"] = typeof(ComplianceCard),
        ["card.page"] = typeof(CardPageAction),
        ["rating.propose"] = typeof(Ratings.ProposeRatingAction),
        ["rating.approve"] = typeof(Ratings.DecideRatingAction),
        ["rating.amend"] = typeof(Ratings.DecideRatingAction),
        ["rating.sendBack"] = typeof(Ratings.DecideRatingAction),
        ["card.refresh"] = typeof(Ratings.RefreshApprovalAction),
        ["action.progress"] = typeof(BoardActions.RecordProgressAction),
        ["action.add"] = typeof(BoardActions.AddActionFromSummary),
        ["selfAssessment.save"] = typeof(SelfAssessments.SaveSelfAssessmentAction),
        ["returns.check"] = typeof(Returns.ReturnActions),
        ["returns.saveDraft"] = typeof(Returns.ReturnActions),
        ["returns.submit"] = typeof(Returns.ReturnActions),
        ["returns.page"] = typeof(Returns.ReturnActions),
        ["returns.correct"] = typeof(Returns.ReturnActions),
        ["returns.show"] = typeof(Returns.ReturnActions),
        ["signoff.all"] = typeof(Returns.SignOffActions),
        ["signoff.sendBack"] = typeof(Returns.SignOffActions),
    };

    public string Name => InvokeActivity.AdaptiveCardActionName;

    public async Task<InvokeResponse> HandleAsync(TurnContext<InvokeActivity> turn, CancellationToken cancellationToken)
    {
        var action = turn.Activity.CardAction;
        if (action?.Verb is not { Length: > 0 } verb || !Verbs.TryGetValue(verb, out var handler))
        {
            return InvokeResponse.BadRequest("UnknownAction", "PmfBot does not know that button. The card may be from an older version: ask for it again.");
        }

        var person = await speaker.FindAsync(turn.Activity, cancellationToken);
        if (person is null)
        {
            return Card(messages.NotKnown());
        }

        var data = action.Data as JsonObject ?? [];
        try
        {
            var card = await ((ICardAction)services.GetRequiredService(handler))
                .HandleAsync(new CardActionRequest(person, verb, data, turn.Activity, turn.Connector), cancellationToken);
            return Card(card);
        }
        catch (PmfRuleException refused)
        {
            return Card(messages.Refusal("That could not be done", refused.Message));
        }
        catch (SaveNotConfirmedException unconfirmed)
        {
            // The card stays as it is, with what was typed, so the same button can simply be pressed again.
            logger.LogError(unconfirmed, "Card action {Verb} for {PersonId}: the database connection failed while saving", verb, person.Id);
            return InvokeResponse.Message(unconfirmed.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Card action {Verb} failed for {PersonId}", verb, person.Id);
            return Card(messages.Refusal("Something went wrong", "PmfBot could not do that just now and nothing was saved. Please try again in a minute."));
        }
    }

    private static InvokeResponse Card(JsonNode card) => InvokeResponse.AdaptiveCard(card);
}
