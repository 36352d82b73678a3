using System.Text.Json.Nodes;
using PmfBot.Bot.Compliance;
using PmfBot.Bot.Exceptions;
using PmfBot.Bot.Scorecards;
using PmfBot.Bot.Status;
using PmfBot.Bot.Summaries;
using PmfBot.Bot.Teams.Activities;
using PmfBot.Bot.Teams.Messaging;
using PmfBot.Bot.Telemetry;
using PmfBot.Domain;
using PmfBot.Domain.Storage;

namespace PmfBot.Bot.Conversation;

/// <summary>
/// Answers every card button (Universal Actions, <c>adaptiveCard/action</c>): one line per verb.
/// A broken rule comes back as a message card with its reason; a save whose connection failed is
/// answered with a message that keeps the card (try again); anything unexpected is logged and the
/// person is told nothing was saved, never shown a stack trace.
/// </summary>
public sealed class CardActionTable(IServiceProvider services, Speaker speaker, MessageCards messages, BotMetrics metrics, ILogger<CardActionTable> logger)
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
            metrics.CardAction("unknown", "unknown_verb");
            return InvokeResponse.BadRequest("UnknownAction", "PmfBot does not know that button. The card may be from an older version: ask for it again.");
        }

        // The table's own spelling of the verb: a tag value from a fixed list, whatever case Teams sent.
        var verbTag = Verbs.Keys.First(known => known.Equals(verb, StringComparison.OrdinalIgnoreCase));
        var outcome = "failed";
        try
        {
            var person = await speaker.FindAsync(turn.Activity, cancellationToken);
            if (person is null)
            {
                outcome = "unknown_person";
                return Card(messages.NotKnown());
            }

            (outcome, var response) = await RunAsync(handler, new CardActionRequest(person, verb, action.Data as JsonObject ?? [], turn.Activity, turn.Connector), cancellationToken);
            return response;
        }
        catch (OperationCanceledException)
        {
            outcome = "cancelled";
            throw;
        }
        finally
        {
            metrics.CardAction(verbTag, outcome);
        }
    }

    private async Task<(string Outcome, InvokeResponse Response)> RunAsync(Type handler, CardActionRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var card = await ((ICardAction)services.GetRequiredService(handler)).HandleAsync(request, cancellationToken);
            return ("answered", Card(card));
        }
        catch (PmfRuleException refused)
        {
            return ("refused", Card(messages.Refusal("That could not be done", refused.Message)));
        }
        catch (SaveNotConfirmedException unconfirmed)
        {
            // The card stays as it is, with what was typed, so the same button can simply be pressed again.
            logger.LogError(unconfirmed, "Card action {Verb} for {PersonId}: the database connection failed while saving", request.Verb, request.Person.Id);
            return ("not_confirmed", InvokeResponse.Message(unconfirmed.Message));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Card action {Verb} failed for {PersonId}", request.Verb, request.Person.Id);
            return ("failed", Card(messages.Refusal("Something went wrong", "PmfBot could not do that just now and nothing was saved. Please try again in a minute.")));
        }
    }

    private static InvokeResponse Card(JsonNode card) => InvokeResponse.AdaptiveCard(card);
}
