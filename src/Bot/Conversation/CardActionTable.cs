using System.Text.Json.Nodes;
using PmfBot.Bot.Compliance;
using PmfBot.Bot.Exceptions;
using PmfBot.Bot.Scorecards;
using PmfBot.Bot.Status;
using PmfBot.Bot.Summaries;
using PmfBot.Bot.Teams.Activities;
using PmfBot.Bot.Teams.Messaging;
using PmfBot.Bot.Telemetry;
using PmfBot.Domain.People;

namespace PmfBot.Bot.Conversation;

/// <summary>
/// Answers every card button (Universal Actions, <c>adaptiveCard/action</c>): one line per verb.
/// A failure is answered by <see cref="FailureAnswers"/>, as for chat commands: never a stack trace.
/// </summary>
public sealed class CardActionTable(IServiceProvider services, Speaker speaker, MessageCards messages, FailureAnswers failures, BotMetrics metrics)
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
        [ReleaseQuarterAction.Verb] = typeof(ReleaseQuarterAction),
        ["card.page"] = typeof(CardPageAction),
        ["rating.propose"] = typeof(Ratings.ProposeRatingAction),
        ["rating.approve"] = typeof(Ratings.DecideRatingAction),
        ["rating.amend"] = typeof(Ratings.DecideRatingAction),
        ["rating.sendBack"] = typeof(Ratings.DecideRatingAction),
        ["card.refresh"] = typeof(Ratings.RefreshApprovalAction),
        ["action.progress"] = typeof(BoardActions.RecordProgressAction),
        ["action.add"] = typeof(BoardActions.AddActionFromSummary),
        ["selfAssessment.save"] = typeof(SelfAssessments.SaveSelfAssessmentAction),
        ["returns.check"] = typeof(Returns.CheckReturnsAction),
        ["returns.saveDraft"] = typeof(Returns.SaveReturnDraftsAction),
        ["returns.submit"] = typeof(Returns.SubmitReturnsAction),
        ["returns.page"] = typeof(Returns.TurnReturnPageAction),
        ["returns.correct"] = typeof(Returns.CorrectReturnAction),
        ["returns.show"] = typeof(Returns.ShowReturnsAction),
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
        Person? person = null;
        try
        {
            person = await speaker.FindAsync(turn.Activity, cancellationToken);
            if (person is null)
            {
                outcome = "unknown_person";
                return Card(messages.NotKnown());
            }

            var card = await ((ICardAction)services.GetRequiredService(handler))
                .HandleAsync(new CardActionRequest(person, verb, action.Data as JsonObject ?? [], turn.Activity, turn.Connector), cancellationToken);
            outcome = "answered";
            return Card(card);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var answer = failures.Answer(ex, new FailedTurn("Card action", verb, person, turn.Activity));
            outcome = answer.Reference is null ? "refused" : answer.KeepCard ? "not_confirmed" : "failed";
            return answer.KeepCard ? InvokeResponse.Message(answer.Text) : Card(answer.Card);
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

    private static InvokeResponse Card(JsonNode card) => InvokeResponse.AdaptiveCard(card);
}
