using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using PmfBot.Bot.Teams.Configuration;

namespace PmfBot.Bot.Teams.Connector;

/// <summary>
/// The retry and timeout policy for Bot Connector calls (Polly v8 via Microsoft.Extensions.Http.Resilience).
/// <para>
/// Retried, with exponential backoff and jitter, or after <c>Retry-After</c> when Teams sends one: 429, 412,
/// 502 and 504, as Teams' rate-limit guidance asks, for every method. A <c>Retry-After</c> longer than
/// <see cref="ConnectorOptions.MaxRetryAfter"/> is not waited for: the call fails with that delay so its
/// caller (the outbox) can come back later.
/// </para>
/// <para>
/// Timeouts and broken connections are ambiguous: the request may have been delivered. GET, PUT and DELETE
/// are idempotent and retried. A POST (send, reply, create) is retried only when it never reached the wire
/// (no connection, or still waiting for its turn or its token); otherwise it is not resent, because a second POST would post the message twice, and the caller
/// gets <see cref="ConnectorOutcomeUnknownException"/>. 502 and 504 are retried for POST too, as Microsoft
/// asks, accepting a small risk of a duplicate post.
/// </para>
/// <para>403 (including <c>MessageWritesBlocked</c>), 401, 404 and other errors are never retried.</para>
/// </summary>
internal static class ConnectorResilience
{
    private static readonly HashSet<HttpStatusCode> Transient =
        [HttpStatusCode.TooManyRequests, HttpStatusCode.PreconditionFailed, HttpStatusCode.BadGateway, HttpStatusCode.GatewayTimeout];

    /// <summary>The outer handler: total timeout and retries.</summary>
    public static void ConfigureRetries(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ConnectorOptions options)
    {
        pipeline
            .AddTimeout(options.TotalTimeout)
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, options)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? RetryAfter(response) : null),
            });
    }

    /// <summary>The inner handler, below the rate limiter: one attempt's time on the wire.</summary>
    public static void ConfigureAttempt(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ConnectorOptions options) =>
        pipeline.AddTimeout(options.AttemptTimeout);

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, ConnectorOptions options)
    {
        if (outcome.Result is { } response)
            return Transient.Contains(response.StatusCode) && !(RetryAfter(response) > options.MaxRetryAfter);

        var request = context.GetRequestMessage();
        return outcome.Exception switch
        {
            null or ConnectorNotSentException or ConnectorTokenException => false,
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } => true,
            TimeoutRejectedException or HttpRequestException => request?.Method != HttpMethod.Post || !ConnectorRequest.WasDispatched(request),
            _ => false,
        };
    }

    /// <summary>A failure after which a request that went to the wire may or may not have been applied.</summary>
    public static bool IsAmbiguous(Exception ex) => ex switch
    {
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } => false,
        TimeoutRejectedException or HttpRequestException or TaskCanceledException => true,
        _ => false,
    };

    /// <summary><c>Retry-After</c> as a delay (seconds or an HTTP date), or null.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        RetryConditionHeaderValue? header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header?.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
