using System.Text.Json.Nodes;
using PmfBot.Bot.Teams.Activities;
using PmfBot.Bot.Teams.Messaging;
using PmfBot.Bot.Telemetry;
using PmfBot.Domain.People;

namespace PmfBot.Bot.Conversation;

/// <summary>
/// Answers every card button (Universal Actions, <c>adaptiveCard/action</c>) with the handler a feature registered for its verb.
/// A failure is answered by <see cref="FailureAnswers"/>, as for chat commands: never a stack trace.
/// </summary>
public sealed class CardActionTable(IServiceProvider services, CardVerbs verbs, Speaker speaker, MessageCards messages, FailureAnswers failures, BotMetrics metrics)
    : IInvokeHandler
{
    public async Task<InvokeResponse> HandleAsync(TurnContext<InvokeActivity> turn, CancellationToken cancellationToken)
    {
        var action = turn.Activity.CardAction;
        if (action?.Verb is not { Length: > 0 } verb || !verbs.TryFind(verb, out var registered))
        {
            metrics.CardAction("unknown", "unknown_verb");
            return InvokeResponse.BadRequest("UnknownAction", "PmfBot does not know that button. The card may be from an older version: ask for it again.");
        }

        var verbTag = registered.Verb;
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

            var card = await ((ICardAction)services.GetRequiredService(registered.Handler))
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
