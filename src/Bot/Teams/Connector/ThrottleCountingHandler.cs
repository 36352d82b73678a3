using System.Net;
using PmfBot.Bot.Telemetry;

namespace PmfBot.Bot.Teams.Connector;

/// <summary>
/// Counts every 429 the Bot Connector answers. It sits innermost, below the retries, so each refused
/// attempt is counted, including those a retry later got through.
/// </summary>
internal sealed class ThrottleCountingHandler(BotMetrics metrics) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            metrics.Throttled(request.Options.TryGetValue(ConnectorRequest.Operation, out var operation) ? operation : "other");
        }

        return response;
    }
}
