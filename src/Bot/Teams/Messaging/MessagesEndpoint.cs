using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using PmfBot.Bot.Teams.Activities;
using PmfBot.Bot.Teams.Authentication;
using PmfBot.Bot.Teams.Configuration;
using PmfBot.Bot.Telemetry;

namespace PmfBot.Bot.Teams.Messaging;

/// <summary>
/// <c>POST /api/messages</c>, in this order:
/// token (401) → body size (413) → JSON and required fields (400) → serviceUrl claim and channel
/// endorsement (401) → tenant allow-list (403) → invoke answered in the response, anything else queued
/// and answered 200 (503 if the queue stays full). Error bodies are one short sentence, never a stack trace.
/// </summary>
internal sealed class MessagesEndpoint(
    BotConnectorAuthenticator authenticator,
    ActivityQueue queue,
    ActivityRouter router,
    IOptions<BotOptions> options,
    BotMetrics metrics,
    ILogger<MessagesEndpoint> logger)
{
    public const string Route = "/api/messages";

    public async Task HandleAsync(HttpContext http)
    {
        try
        {
            await HandleCoreAsync(http);
        }
        catch (Exception ex) when (!http.RequestAborted.IsCancellationRequested)
        {
            logger.LogError(ex, "Unexpected failure on {Route}", Route);
            if (!http.Response.HasStarted)
                await ErrorAsync(http, StatusCodes.Status500InternalServerError, "The bot failed to process the activity.");
        }
    }

    private async Task HandleCoreAsync(HttpContext http)
    {
        var bot = options.Value;
        var cancellationToken = http.RequestAborted;

        BotConnectorIdentity? identity = null;
        if (!bot.IsLocalMode)
        {
            var outcome = await authenticator.AuthenticateAsync(http.Request.Headers.Authorization.ToString(), cancellationToken);
            if (!outcome.Succeeded)
            {
                await UnauthorizedAsync(http, outcome.FailureReason!);
                return;
            }

            identity = outcome.Identity;
        }

        var body = await ReadBodyAsync(http.Request, bot.MaxRequestBodyBytes, cancellationToken);
        if (body is null)
        {
            logger.LogWarning("Rejected an activity larger than {Limit} bytes", bot.MaxRequestBodyBytes);
            await ErrorAsync(http, StatusCodes.Status413PayloadTooLarge, $"The activity is larger than {bot.MaxRequestBodyBytes} bytes.");
            return;
        }

        var parsed = ActivityParser.Parse(body);
        if (!parsed.Succeeded)
        {
            logger.LogWarning("Rejected an activity: {Reason}", parsed.Error);
            await ErrorAsync(http, StatusCodes.Status400BadRequest, parsed.Error!);
            return;
        }

        var activity = parsed.Activity!;
        if (identity is not null)
        {
            var outcome = BotConnectorAuthenticator.CheckActivity(identity, activity);
            if (!outcome.Succeeded)
            {
                await UnauthorizedAsync(http, outcome.FailureReason!);
                return;
            }
        }

        if (!TenantAllowed(bot, activity.TenantId))
        {
            logger.LogWarning("Refused {ActivityType} activity {ActivityId} from tenant {TenantId}: not in Bot:AllowedTenants", activity.Type, activity.Id, activity.TenantId ?? "(none)");
            await ErrorAsync(http, StatusCodes.Status403Forbidden, "This tenant may not use the bot.");
            return;
        }

        metrics.ActivityReceived(activity.Type);
        if (activity is InvokeActivity invoke)
        {
            var response = await router.InvokeAsync(invoke, cancellationToken);
            if (!await queue.EnqueueAsync(new QueuedActivity(activity, ObserversOnly: true), cancellationToken))
                logger.LogWarning("Activity queue full: invoke {ActivityId} answered but not recorded", activity.Id);
            http.Response.StatusCode = response.Status;
            if (response.Body is not null)
                await WriteJsonAsync(http, response.Body);
            return;
        }

        if (!await queue.EnqueueAsync(new QueuedActivity(activity, ObserversOnly: false), cancellationToken))
        {
            logger.LogError("Activity queue full: refused {ActivityType} activity {ActivityId}", activity.Type, activity.Id);
            http.Response.Headers.RetryAfter = "1";
            await ErrorAsync(http, StatusCodes.Status503ServiceUnavailable, "The bot is busy; try again shortly.");
            return;
        }

        http.Response.StatusCode = StatusCodes.Status200OK;
    }

    private static bool TenantAllowed(BotOptions bot, string? tenantId)
    {
        var allowed = bot.AllowedTenants ?? [];
        if (allowed.Length == 0)
            return bot.IsLocalMode;
        return tenantId is not null && allowed.Any(t => string.Equals(t.Trim(), tenantId, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The body, or null when it is larger than <paramref name="limit"/> (checked as it streams, whatever Content-Length says).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
            return null;

        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(limit + 1, 64 * 1024));
        try
        {
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (buffer.Length > limit)
                        return null;
                    var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, limit + 1));
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken);
                if (read == 0)
                    break;
                length += read;
                if (length > limit)
                    return null;
            }

            return buffer.AsSpan(0, length).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task UnauthorizedAsync(HttpContext http, string reason)
    {
        logger.LogWarning("Rejected an unauthenticated request to {Route}: {Reason}", Route, reason);
        http.Response.Headers.WWWAuthenticate = "Bearer";
        await ErrorAsync(http, StatusCodes.Status401Unauthorized, "Unauthorized.");
    }

    private static Task ErrorAsync(HttpContext http, int status, string message)
    {
        http.Response.StatusCode = status;
        return WriteJsonAsync(http, new JsonObject { ["error"] = message });
    }

    private static async Task WriteJsonAsync(HttpContext http, JsonNode body)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        // Into the response's pipe: the writer only fills its buffers (a node that serializes itself
        // flushes, which on a pipe is no I/O), then one asynchronous flush sends them.
        using (var writer = new Utf8JsonWriter(http.Response.BodyWriter))
        {
            body.WriteTo(writer);
        }

        await http.Response.BodyWriter.FlushAsync(http.RequestAborted);
    }
}
