using System.Text.Json.Nodes;
using PmfBot.Bot.Compliance;
using PmfBot.Bot.Exceptions;
using PmfBot.Bot.Help;
using PmfBot.Bot.Scorecards;
using PmfBot.Bot.Status;
using PmfBot.Bot.Teams.Activities;
using PmfBot.Bot.Teams.Connector;
using PmfBot.Bot.Teams.Messaging;
using PmfBot.Domain.People;
using PmfBot.Domain.Search;

namespace PmfBot.Bot.Conversation;

/// <summary>
/// The chat commands, one line each: the words that start it, the handler, and its line in help.
/// Anything else gets help (with a "did you mean" when it was close), never silence; a command that
/// fails is answered by <see cref="FailureAnswers"/>.
/// </summary>
public sealed class CommandTable(IServiceProvider services, Speaker speaker, FailureAnswers failures, ILogger<CommandTable> logger)
    : IActivityHandler<MessageActivity>
{
    public static readonly IReadOnlyList<CommandRoute> Routes =
    [
        new("help", typeof(HelpCommand), "help", "What I can do for you.", "help"),
        new("my returns", typeof(Returns.MyReturnsCommand), "my returns", "Enter, check and submit the returns you are due to make.", "my returns"),
        new("my actions", typeof(BoardActions.MyActionsCommand), "my actions", "Report progress on the open board actions you own.", "my actions"),
        new("status", typeof(StatusCard), "status <priority>", "A priority's rating, indicators, actions and risks.", "status HW1"),
        new("exceptions", typeof(ExceptionsCard), "exceptions [board]", "Indicators that need attention, for one board or all.", "exceptions health and wellbeing"),
        new("scorecard", typeof(ScorecardCard), "scorecard <directorate>", "A directorate's priorities, key indicators and self assessment.", "scorecard adults and health"),
        new("compliance", typeof(ComplianceCard), "compliance", "Returns on time, late and missing, by directorate and owner.", "compliance"),
        new("trend", typeof(HistoryCard), "trend <indicator>", "An indicator's values, ratings and every change.", "trend NI 154"),
        new("demo", typeof(Demo.DemoCommand), "demo [next]", "Local demo only: where the demo clock is; move it to the cycle's next milestone.", "demo next", LocalDemoOnly: true),
        new("link board", typeof(Linking.LinkBoardCommand), "link board <board>", "Performance team, in a board's channel: post that board's summaries here.", "link board health and wellbeing"),
        new("cycle", typeof(Cycle.CycleCommand), "cycle [preview|pause|resume|run|problems|publish|unpublish]", "Performance team: see, preview, pause, resume or run the quarterly cycle, see who could not be messaged, release a quarter for public display.", "cycle preview"),
    ];

    public async Task HandleAsync(TurnContext<MessageActivity> turn, CancellationToken cancellationToken)
    {
        var text = turn.Activity.CommandText;
        var (route, argument) = Match(text);
        Person? person = null;
        JsonObject card;
        try
        {
            person = await speaker.FindAsync(turn.Activity, cancellationToken);
            var command = (ICommand)services.GetRequiredService(route?.Handler ?? typeof(HelpCommand));
            var request = new CommandRequest(person, route is null ? text : argument, turn.Activity);
            card = route is null
                ? await ((HelpCommand)command).NotUnderstoodAsync(request, Suggest(text), cancellationToken)
                : await command.RunAsync(request, cancellationToken);
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

    /// <summary>The longest command whose words start the text, and what follows them.</summary>
    public static (CommandRoute? Route, string Argument) Match(string text)
    {
        var normalised = FuzzyMatch.Normalise(text);
        foreach (var route in Routes.OrderByDescending(r => r.Words.Length))
        {
            if (normalised == route.Words || normalised.StartsWith(route.Words + " ", StringComparison.Ordinal))
            {
                var words = route.Words.Split(' ').Length;
                var original = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return (route, string.Join(' ', original.Skip(words)));
            }
        }

        return (null, text.Trim());
    }

    /// <summary>"stauts CPP-C1" is close to "status CPP-C1": say so rather than just showing help.</summary>
    public static string? Suggest(string text)
    {
        var typed = FuzzyMatch.Normalise(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var route in Routes)
        {
            var count = route.Words.Split(' ').Length;
            if (typed.Length < count)
            {
                continue;
            }

            var head = string.Join(' ', typed.Take(count));
            if (head.Length >= 3 && FuzzyMatch.Distance(head, route.Words) <= 2)
            {
                var rest = string.Join(' ', text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(count));
                return rest.Length == 0 ? route.Words : $"{route.Words} {rest}";
            }
        }

        return null;
    }
}

/// <param name="Words">What a person types, lower case ("my returns").</param>
/// <param name="LocalDemoOnly">Listed in help only when the local demo's clock is running.</param>
public sealed record CommandRoute(string Words, Type Handler, string Usage, string Description, string Example, bool LocalDemoOnly = false);
