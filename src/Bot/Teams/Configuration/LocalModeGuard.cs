using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace PmfBot.Bot.Teams.Configuration;

/// <summary>
/// Local mode (no Bot:AppId) accepts activities without a token, so the host may listen on loopback only.
/// Before the server binds, the configured URLs are checked; after it binds, the actual addresses. Either
/// failure stops the host at start. The mode is announced with a warning.
/// (Start the playground with telemetry off: APPLICATION_INSIGHTS_NO_STATSBEAT=1 and --disable-telemetry.)
/// </summary>
internal sealed class LocalModeGuard(
    IOptions<BotOptions> options,
    IConfiguration configuration,
    IServer server,
    ILogger<LocalModeGuard> logger) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.IsLocalMode)
            return Task.CompletedTask;

        logger.LogWarning(
            "PmfBot is in LOCAL MODE (no Bot:AppId): /api/messages accepts activities WITHOUT authentication and " +
            "the bot sends without a token. For the Agents Playground only (run it with APPLICATION_INSIGHTS_NO_STATSBEAT=1 " +
            "and --disable-telemetry); the host listens on loopback only.");

        var configured = new List<string>();
        configured.AddRange(Split(configuration["urls"]));
        configured.AddRange(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>());
        if (!string.IsNullOrWhiteSpace(configuration["http_ports"]) || !string.IsNullOrWhiteSpace(configuration["https_ports"]))
            configured.Add("(HTTP_PORTS/HTTPS_PORTS bind every interface)");

        Check(configured, "configured");
        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        if (options.Value.IsLocalMode)
            Check(server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [], "bound");
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static void Check(IEnumerable<string> addresses, string what)
    {
        var open = addresses.Where(a => !IsLoopback(a)).ToList();
        if (open.Count > 0)
            throw new InvalidOperationException(
                $"Local mode (no Bot:AppId) may listen on loopback only, but these addresses are {what}: {string.Join(", ", open)}. " +
                "Use http://127.0.0.1:<port> (or localhost), or configure Bot:AppId, Bot:AppPassword and Bot:AllowedTenants.");
    }

    private static IEnumerable<string> Split(string? urls) =>
        (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    internal static bool IsLoopback(string address)
    {
        // Kestrel's wildcards (*, +, 0.0.0.0, [::]) do not parse as loopback and are refused.
        if (!Uri.TryCreate(address.Replace("://*", "://wildcard").Replace("://+", "://wildcard"), UriKind.Absolute, out var uri))
            return false;
        if (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase))
            return true;
        return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
    }
}
