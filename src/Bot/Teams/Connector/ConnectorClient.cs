using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Polly.Timeout;
using PmfBot.Bot.Teams.Activities;

namespace PmfBot.Bot.Teams.Connector;

/// <summary>The Bot Connector REST API (v3) as PmfBot uses it. Every call goes to the conversation's stored serviceUrl.</summary>
public interface IConnectorClient
{
    /// <summary><c>POST /v3/conversations</c>.</summary>
    Task<ConversationResourceResponse> CreateConversationAsync(Uri serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken);

    /// <summary>A 1:1 chat with one person (<c>29:...</c>) in a tenant; Teams returns the existing chat if there is one.</summary>
    Task<ConversationResourceResponse> CreatePersonalConversationAsync(Uri serviceUrl, string tenantId, string userId, ChannelAccount? bot, CancellationToken cancellationToken);

    /// <summary>A new thread in a team channel, started with <paramref name="firstMessage"/>.</summary>
    Task<ConversationResourceResponse> CreateChannelThreadAsync(Uri serviceUrl, string tenantId, string channelId, OutgoingActivity firstMessage, ChannelAccount? bot, CancellationToken cancellationToken);

    /// <summary><c>POST /v3/conversations/{id}/activities</c>.</summary>
    Task<ResourceResponse> SendToConversationAsync(Uri serviceUrl, string conversationId, OutgoingActivity activity, CancellationToken cancellationToken);

    /// <summary><c>POST /v3/conversations/{id}/activities/{activityId}</c>.</summary>
    Task<ResourceResponse> ReplyToActivityAsync(Uri serviceUrl, string conversationId, string activityId, OutgoingActivity activity, CancellationToken cancellationToken);

    /// <summary><c>PUT /v3/conversations/{id}/activities/{activityId}</c>: replace the bot's own message (a card).</summary>
    Task<ResourceResponse> UpdateActivityAsync(Uri serviceUrl, string conversationId, string activityId, OutgoingActivity activity, CancellationToken cancellationToken);

    /// <summary><c>DELETE /v3/conversations/{id}/activities/{activityId}</c>.</summary>
    Task DeleteActivityAsync(Uri serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken);

    /// <summary><c>GET /v3/conversations/{id}/pagedmembers</c>; pass the previous page's continuation token for the next.</summary>
    Task<PagedMembersResult> GetPagedMembersAsync(Uri serviceUrl, string conversationId, int? pageSize, string? continuationToken, CancellationToken cancellationToken);

    /// <summary>
    /// <c>GET /v3/conversations/{id}/members/{memberId}</c>: one member as Teams knows them (object id, email,
    /// user principal name, tenant). Null when Teams answers 404 (not a member of that conversation).
    /// In a channel, pass the team's id as the conversation.
    /// </summary>
    Task<TeamsChannelAccount?> GetMemberAsync(Uri serviceUrl, string conversationId, string memberId, CancellationToken cancellationToken);
}

/// <summary>
/// Typed HttpClient. Below it: the resilience pipeline (retries, timeouts), the send-rate limiter and
/// the token handler, in that order (see <c>TeamsSetup</c>).
/// </summary>
internal sealed class ConnectorClient(HttpClient http, BlockedConversationRecorder blocked, ILogger<ConnectorClient> logger) : IConnectorClient
{
    public Task<ConversationResourceResponse> CreateConversationAsync(Uri serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        var key = "create:" + (parameters.ChannelData?["channel"]?["id"]?.GetValue<string>() ?? parameters.Members?.FirstOrDefault()?.Id ?? "");
        return SendAsync(HttpMethod.Post, Url(serviceUrl, "v3/conversations"), "create conversation", key, parameters,
            ConnectorJsonContext.Default.ConversationParameters, ConnectorJsonContext.Default.ConversationResourceResponse, conversationId: null, cancellationToken);
    }

    public Task<ConversationResourceResponse> CreatePersonalConversationAsync(Uri serviceUrl, string tenantId, string userId, ChannelAccount? bot, CancellationToken cancellationToken) =>
        CreateConversationAsync(serviceUrl, new ConversationParameters
        {
            IsGroup = false,
            Bot = bot,
            Members = [new ChannelAccount { Id = userId }],
            TenantId = tenantId,
            ChannelData = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } },
        }, cancellationToken);

    public Task<ConversationResourceResponse> CreateChannelThreadAsync(Uri serviceUrl, string tenantId, string channelId, OutgoingActivity firstMessage, ChannelAccount? bot, CancellationToken cancellationToken) =>
        CreateConversationAsync(serviceUrl, new ConversationParameters
        {
            IsGroup = true,
            Bot = bot,
            Activity = firstMessage,
            TenantId = tenantId,
            ChannelData = new JsonObject
            {
                ["channel"] = new JsonObject { ["id"] = channelId },
                ["tenant"] = new JsonObject { ["id"] = tenantId },
            },
        }, cancellationToken);

    public Task<ResourceResponse> SendToConversationAsync(Uri serviceUrl, string conversationId, OutgoingActivity activity, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, Url(serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities"), "send to conversation", conversationId, activity,
            ConnectorJsonContext.Default.OutgoingActivity, ConnectorJsonContext.Default.ResourceResponse, conversationId, cancellationToken);

    public Task<ResourceResponse> ReplyToActivityAsync(Uri serviceUrl, string conversationId, string activityId, OutgoingActivity activity, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, Url(serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}"), "reply to activity", conversationId, activity,
            ConnectorJsonContext.Default.OutgoingActivity, ConnectorJsonContext.Default.ResourceResponse, conversationId, cancellationToken);

    public Task<ResourceResponse> UpdateActivityAsync(Uri serviceUrl, string conversationId, string activityId, OutgoingActivity activity, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, Url(serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}"), "update activity", conversationId, activity with { Id = activityId },
            ConnectorJsonContext.Default.OutgoingActivity, ConnectorJsonContext.Default.ResourceResponse, conversationId, cancellationToken);

    public async Task DeleteActivityAsync(Uri serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Delete, Url(serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}"), "delete activity", conversationId);
        using var response = await SendCoreAsync(request, "delete activity", cancellationToken);
        await EnsureSuccessAsync(response, "delete activity", conversationId, cancellationToken);
    }

    public async Task<PagedMembersResult> GetPagedMembersAsync(Uri serviceUrl, string conversationId, int? pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var query = new List<string>();
        if (pageSize is { } size)
            query.Add($"pageSize={size}");
        if (!string.IsNullOrEmpty(continuationToken))
            query.Add($"continuationToken={Uri.EscapeDataString(continuationToken)}");
        var path = $"v3/conversations/{Escape(conversationId)}/pagedmembers" + (query.Count > 0 ? "?" + string.Join('&', query) : "");

        using var request = Request(HttpMethod.Get, Url(serviceUrl, path), "get paged members", rateLimitKey: null);
        using var response = await SendCoreAsync(request, "get paged members", cancellationToken);
        await EnsureSuccessAsync(response, "get paged members", conversationId, cancellationToken);
        return await response.Content.ReadFromJsonAsync(ConnectorJsonContext.Default.PagedMembersResult, cancellationToken) ?? new PagedMembersResult();
    }

    public async Task<TeamsChannelAccount?> GetMemberAsync(Uri serviceUrl, string conversationId, string memberId, CancellationToken cancellationToken)
    {
        const string operation = "get member";
        using var request = Request(HttpMethod.Get, Url(serviceUrl, $"v3/conversations/{Escape(conversationId)}/members/{Escape(memberId)}"), operation, rateLimitKey: null);
        using var response = await SendCoreAsync(request, operation, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            logger.LogInformation("Bot Connector {Operation}: Teams knows no such member in conversation {ConversationId}", operation, conversationId);
            return null;
        }

        await EnsureSuccessAsync(response, operation, conversationId, cancellationToken);
        try
        {
            return await response.Content.ReadFromJsonAsync(ConnectorJsonContext.Default.TeamsChannelAccount, cancellationToken);
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "Bot Connector {Operation} succeeded with a body that is not a member", operation);
            throw new ConnectorException(operation, response.StatusCode, "NotAMember");
        }
    }

    private async Task<TResponse> SendAsync<TBody, TResponse>(
        HttpMethod method, Uri url, string operation, string? rateLimitKey, TBody body,
        JsonTypeInfo<TBody> bodyType, JsonTypeInfo<TResponse> responseType, string? conversationId, CancellationToken cancellationToken)
        where TResponse : new()
    {
        using var request = Request(method, url, operation, rateLimitKey);
        // Bytes, not a stream: the retry pipeline may send the same content again.
        request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, bodyType));
        request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };

        using var response = await SendCoreAsync(request, operation, cancellationToken);
        await EnsureSuccessAsync(response, operation, conversationId, cancellationToken);
        if (response.Content.Headers.ContentLength == 0)
            return new TResponse();
        try
        {
            return await response.Content.ReadFromJsonAsync(responseType, cancellationToken) ?? new TResponse();
        }
        catch (JsonException)
        {
            logger.LogWarning("Bot Connector {Operation} succeeded with a body that is not the expected JSON", operation);
            return new TResponse();
        }
    }

    private async Task<HttpResponseMessage> SendCoreAsync(HttpRequestMessage request, string operation, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is TimeoutRejectedException && !ConnectorRequest.WasDispatched(request))
        {
            logger.LogWarning("Bot Connector {Operation}: timed out before it was sent (rate limit or token)", operation);
            throw new ConnectorNotSentException(operation, "timed out waiting for its turn or for a token", ex);
        }
        catch (Exception ex) when (request.Method == HttpMethod.Post && !cancellationToken.IsCancellationRequested && ConnectorResilience.IsAmbiguous(ex))
        {
            // The retry pipeline already retried what is known not to have been delivered; what is left is ambiguous.
            logger.LogWarning(ex, "Bot Connector {Operation}: outcome unknown, not resent", operation);
            throw new ConnectorOutcomeUnknownException(operation, ex);
        }
    }

    private static HttpRequestMessage Request(HttpMethod method, Uri url, string operation, string? rateLimitKey)
    {
        var request = new HttpRequestMessage(method, url);
        request.Options.Set(ConnectorRequest.Operation, operation);
        if (rateLimitKey is not null)
            request.Options.Set(ConnectorRequest.RateLimitKey, rateLimitKey);
        return request;
    }

    private async Task EnsureSuccessAsync(HttpResponseMessage response, string operation, string? conversationId, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
            return;

        var body = await ReadSnippetAsync(response, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Forbidden && body.Contains(BotBlockedByUserException.BlockedSubCode, StringComparison.OrdinalIgnoreCase))
        {
            logger.LogWarning("Bot Connector {Operation}: conversation {ConversationId} is blocked by the user (MessageWritesBlocked)", operation, conversationId);
            if (conversationId is not null)
                await blocked.RecordAsync(conversationId);
            throw new BotBlockedByUserException(operation, conversationId ?? "");
        }

        var code = ErrorCode(body);
        logger.LogWarning("Bot Connector {Operation} failed: {Status} {Code}", operation, (int)response.StatusCode, code);
        throw new ConnectorException(operation, response.StatusCode, code, ConnectorResilience.RetryAfter(response));
    }

    private static async Task<string> ReadSnippetAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return text.Length > 4096 ? text[..4096] : text;
    }

    /// <summary><c>error.code</c> of the Bot Framework envelope, or Teams' <c>subCode</c> nested in <c>message</c>.</summary>
    private static string? ErrorCode(string body)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize(body, ConnectorJsonContext.Default.ErrorResponse);
            if (!string.IsNullOrEmpty(envelope?.Error?.Code))
                return envelope.Error.Code;
            var node = JsonNode.Parse(body);
            if (node?["message"] is JsonValue message && message.TryGetValue<string>(out var inner) && inner.TrimStart().StartsWith('{'))
                return JsonNode.Parse(inner)?["subCode"]?.GetValue<string>();
            return node?["errorCode"]?.ToString();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private static Uri Url(Uri serviceUrl, string path) => new(serviceUrl.AbsoluteUri.TrimEnd('/') + "/" + path);

    private static string Escape(string value) => Uri.EscapeDataString(value);
}
