using System.Text.Json.Nodes;
using PmfBot.Bot.Help;
using PmfBot.Bot.Teams.Activities;
using PmfBot.Bot.Teams.Connector;
using PmfBot.Bot.Teams.Messaging;
using PmfBot.Domain.People;

namespace PmfBot.Bot.Conversation;

/// <summary>
/// Answers chat messages with the command the features registered (<see cref="CommandRoutes"/>).
/// Anything else gets help (with a "did you mean" when it was close), never silence; a command that
/// fails is answered by <see cref="FailureAnswers"/>.
/// </summary>
public sealed class CommandTable(IServiceProvider services, CommandRoutes routes, Speaker speaker, FailureAnswers failures, ILogger<CommandTable> logger)
    : IActivityHandler<MessageActivity>
{
    public async Task HandleAsync(TurnContext<MessageActivity> turn, CancellationToken cancellationToken)
    {
        var text = turn.Activity.CommandText;
        var (route, argument) = routes.Match(text);
        Person? person = null;
        JsonObject card;
        try
        {
            person = await speaker.FindAsync(turn.Activity, cancellationToken);
            var request = new CommandRequest(person, route is null ? text : argument, turn.Activity);
            card = route is null
                ? await services.GetRequiredService<HelpCommand>().NotUnderstoodAsync(request, routes.Suggest(text), cancellationToken)
                : await ((ICommand)services.GetRequiredService(route.Handler)).RunAsync(request, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // A person who asked is always answered, whatever went wrong.
            card = failures.Answer(ex, new FailedTurn("Chat command", route?.Words ?? "unknown input", person, turn.Activity)).Card;
        }

        try
        {
            await turn.ReplyAsync(new OutgoingActivity { Attachments = [Attachment.AdaptiveCard(card)] }, cancellationToken);
        }
        catch (ConnectorException ex)
        {
            logger.LogWarning(ex, "Could not answer {Command} in conversation {ConversationId}", route?.Words ?? "unknown input", turn.Activity.Conversation.Id);
        }
    }
}
