using Microsoft.Extensions.Options;
using PmfBot.Bot.Teams.Activities;
using PmfBot.Bot.Teams.Configuration;
using PmfBot.Bot.Teams.Connector;

namespace PmfBot.Bot.Teams.Messaging;

/// <summary>Sends each activity to the handlers registered for its type, each in its own DI scope.</summary>
public sealed class ActivityRouter(IServiceScopeFactory scopes, IOptions<BotOptions> options, ILogger<ActivityRouter> logger)
{
    /// <summary>Background work: observers, then (unless observers only) the handlers of the activity's type.</summary>
    public async Task ProcessAsync(QueuedActivity work, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;

        foreach (var observer in services.GetServices<IInboundActivityObserver>())
        {
            try
            {
                await observer.OnActivityAsync(work.Activity, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Observer {Observer} failed on {ActivityType} activity {ActivityId}", observer.GetType().Name, work.Activity.Type, work.Activity.Id);
            }
        }

        if (work.ObserversOnly)
            return;

        switch (work.Activity)
        {
            case MessageActivity message:
                var messageHandlers = services.GetServices<IActivityHandler<MessageActivity>>().ToList();
                if (messageHandlers.Count == 0)
                    messageHandlers.Add(services.GetRequiredService<EchoMessageHandler>());
                await RunAsync(messageHandlers, message, services, cancellationToken);
                break;
            case ConversationUpdateActivity a: await RunAsync(services.GetServices<IActivityHandler<ConversationUpdateActivity>>(), a, services, cancellationToken); break;
            case InstallationUpdateActivity a: await RunAsync(services.GetServices<IActivityHandler<InstallationUpdateActivity>>(), a, services, cancellationToken); break;
            case MessageReactionActivity a: await RunAsync(services.GetServices<IActivityHandler<MessageReactionActivity>>(), a, services, cancellationToken); break;
            case MessageUpdateActivity a: await RunAsync(services.GetServices<IActivityHandler<MessageUpdateActivity>>(), a, services, cancellationToken); break;
            case MessageDeleteActivity a: await RunAsync(services.GetServices<IActivityHandler<MessageDeleteActivity>>(), a, services, cancellationToken); break;
            case EventActivity a: await RunAsync(services.GetServices<IActivityHandler<EventActivity>>(), a, services, cancellationToken); break;
            default:
                logger.LogDebug("Ignoring {ActivityType} activity {ActivityId}", work.Activity.Type, work.Activity.Id);
                break;
        }
    }

    /// <summary>
    /// An invoke, while Teams waits. No handler: 501. A handler that throws or overruns
    /// <see cref="BotOptions.InvokeTimeout"/>: for <c>adaptiveCard/action</c> a 200 carrying a statusCode 500
    /// error body (what Universal Actions expect), otherwise HTTP 500.
    /// </summary>
    public async Task<InvokeResponse> InvokeAsync(InvokeActivity invoke, CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        // The last registration of a name wins, as everywhere in dependency injection. Only the handler of this
        // name is built: a card button does not depend on what the message extension needs, and the other way round.
        var route = services.GetServices<InvokeRoute>()
            .LastOrDefault(r => string.Equals(r.Name, invoke.Name, StringComparison.OrdinalIgnoreCase));
        if (route is null)
        {
            await scope.DisposeAsync();
            logger.LogInformation("No handler for invoke {InvokeName}; answering 501", invoke.Name);
            return InvokeResponse.NotImplemented();
        }

        var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.InvokeTimeout);
        Task<InvokeResponse>? work = null;
        try
        {
            var handler = (IInvokeHandler)services.GetRequiredService(route.Handler);
            var turn = new TurnContext<InvokeActivity>(invoke, services.GetRequiredService<IConnectorClient>());
            work = handler.HandleAsync(turn, timeout.Token);
            return await work.WaitAsync(timeout.Token);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var timedOut = ex is OperationCanceledException;
            logger.LogError(ex, "Invoke {InvokeName} ({ActivityId}) {Outcome}", invoke.Name, invoke.Id, timedOut ? "timed out" : "failed");
            return invoke.CardAction is not null
                ? InvokeResponse.ServerError(timedOut ? "Timeout" : "InternalError", timedOut ? "PmfBot took too long to answer. Please try again." : "PmfBot could not process this action.")
                : new InvokeResponse(500, null);
        }
        finally
        {
            if (work is { IsCompleted: false })
            {
                // Teams is answered now, but the scope (and its database connection) is released only once the
                // handler has stopped: disposing it under a running query hands a busy connection back to the pool.
                _ = ReleaseWhenDoneAsync(work, scope, timeout);
            }
            else
            {
                timeout.Dispose();
                await scope.DisposeAsync();
            }
        }
    }

    private async Task ReleaseWhenDoneAsync(Task work, AsyncServiceScope scope, CancellationTokenSource timeout)
    {
        try
        {
            await work;
        }
        catch (Exception ex)
        {
            logger.LogDebug(ex, "An invoke handler stopped after its answer was sent");
        }

        try
        {
            timeout.Dispose();
            await scope.DisposeAsync();
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Releasing an overrun invoke's services failed");
        }
    }

    private async Task RunAsync<TActivity>(IEnumerable<IActivityHandler<TActivity>> handlers, TActivity activity, IServiceProvider services, CancellationToken cancellationToken)
        where TActivity : Activity
    {
        var turn = new TurnContext<TActivity>(activity, services.GetRequiredService<IConnectorClient>());
        foreach (var handler in handlers)
        {
            try
            {
                await handler.HandleAsync(turn, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Handler {Handler} failed on {ActivityType} activity {ActivityId}", handler.GetType().Name, activity.Type, activity.Id);
            }
        }
    }
}
