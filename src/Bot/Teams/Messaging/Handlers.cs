using PmfBot.Bot.Teams.Activities;

namespace PmfBot.Bot.Teams.Messaging;

/// <summary>
/// Handles one kind of non-invoke activity (message, conversationUpdate, installationUpdate, ...). Runs in
/// the background after Teams got its 200; answers through <see cref="TurnContext{TActivity}"/>. All handlers
/// registered for a kind run, in registration order. Register with <c>services.AddActivityHandler&lt;,&gt;()</c>.
/// </summary>
public interface IActivityHandler<TActivity> where TActivity : Activity
{
    Task HandleAsync(TurnContext<TActivity> turn, CancellationToken cancellationToken);
}

/// <summary>
/// Handles one invoke name (e.g. <c>adaptiveCard/action</c>) while Teams waits: the returned response is the
/// HTTP answer. Keep it to a few seconds. Register with <c>services.AddInvokeHandler&lt;T&gt;(name)</c>.
/// </summary>
public interface IInvokeHandler
{
    Task<InvokeResponse> HandleAsync(TurnContext<InvokeActivity> turn, CancellationToken cancellationToken);
}

/// <summary>
/// Sees every accepted inbound activity, invokes included, before any handler (in the background).
/// The conversation-reference store is one.
/// </summary>
public interface IInboundActivityObserver
{
    Task OnActivityAsync(Activity activity, CancellationToken cancellationToken);
}

/// <summary>Which handler answers an invoke name (compared case-insensitively); only that handler is built.</summary>
public sealed record InvokeRoute(string Name, Type Handler);
