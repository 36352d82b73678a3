using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using PmfBot.Bot.Teams.Activities;
using PmfBot.Bot.Teams.Messaging;

namespace PmfBot.Bot.Tests.Teams.Support;

/// <summary>What the test handlers saw. A singleton in the bot under test.</summary>
public sealed class HandlerLog
{
    public ConcurrentQueue<Activity> Handled { get; } = new();

    public ConcurrentQueue<Activity> Observed { get; } = new();

    public bool NothingRan => Handled.IsEmpty && Observed.IsEmpty;

    /// <summary>For each <c>lingers</c> invoke: whether its scope was still alive when the handler finally finished.</summary>
    public ConcurrentQueue<(string ActivityId, bool ScopeAliveAtEnd, ScopeProbe Probe)> Lingered { get; } = new();
}

/// <summary>A scoped service standing for the database context: it knows when its scope has ended.</summary>
public sealed class ScopeProbe : IAsyncDisposable
{
    public bool IsDisposed { get; private set; }

    public ValueTask DisposeAsync()
    {
        IsDisposed = true;
        return ValueTask.CompletedTask;
    }
}

public sealed class RecordingMessageHandler(HandlerLog log) : IActivityHandler<MessageActivity>
{
    public Task HandleAsync(TurnContext<MessageActivity> turn, CancellationToken cancellationToken)
    {
        log.Handled.Enqueue(turn.Activity);
        return Task.CompletedTask;
    }
}

public sealed class RecordingConversationUpdateHandler(HandlerLog log) : IActivityHandler<ConversationUpdateActivity>
{
    public Task HandleAsync(TurnContext<ConversationUpdateActivity> turn, CancellationToken cancellationToken)
    {
        log.Handled.Enqueue(turn.Activity);
        return Task.CompletedTask;
    }
}

public sealed class RecordingObserver(HandlerLog log) : IInboundActivityObserver
{
    public Task OnActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        log.Observed.Enqueue(activity);
        return Task.CompletedTask;
    }
}

/// <summary>
/// Answers <c>adaptiveCard/action</c> by verb: <c>refresh</c> a card, <c>say</c> a message, <c>bad</c> a 400, <c>boom</c> throws,
/// <c>slow</c> overruns, <c>lingers</c> overruns and goes on working with its scoped services, deaf to the cancellation.
/// </summary>
public sealed class TestCardActionHandler(HandlerLog log, ScopeProbe probe) : IInvokeHandler
{
    public async Task<InvokeResponse> HandleAsync(TurnContext<InvokeActivity> turn, CancellationToken cancellationToken)
    {
        log.Handled.Enqueue(turn.Activity);
        var action = turn.Activity.CardAction;
        switch (action?.Verb)
        {
            case "refresh":
                return InvokeResponse.AdaptiveCard(new JsonObject
                {
                    ["type"] = "AdaptiveCard",
                    ["version"] = "1.5",
                    ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = $"Saved {action.Data?["value"]}" }),
                });
            case "say":
                return InvokeResponse.Message("Thanks, saved.");
            case "bad":
                return InvokeResponse.BadRequest("InvalidValue", "The value must be a number.");
            case "boom":
                throw new InvalidOperationException("secret internal detail");
            case "slow":
                await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
                return InvokeResponse.Message("too late");
            case "lingers":
                await Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None);
                log.Lingered.Enqueue((turn.Activity.Id!, !probe.IsDisposed, probe));
                return InvokeResponse.Message("too late");
            default:
                return InvokeResponse.BadRequest("UnknownVerb", "Unknown verb.");
        }
    }
}
