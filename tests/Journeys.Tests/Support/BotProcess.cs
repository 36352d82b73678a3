using System.Diagnostics;
using System.Net.Sockets;

namespace PmfBot.Journeys.Tests.Support;

/// <summary>
/// The real bot, started as its own process the way a council runs it: on PostgreSQL, with the
/// Hangfire scheduler on PostgreSQL, in local mode for the playground, with the demo council
/// seeded and the demo clock starting on <see cref="DemoDay"/>.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    /// <summary>The demo's documented day (docs/demo.md): its current quarter is Q2 2025/26.</summary>
    public const string DemoDay = "2025-11-24";

    private readonly ChildProcess _process;

    private BotProcess(ChildProcess process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public Uri Url { get; }

    public Uri MessagesEndpoint => new(Url, "api/messages");

    public string Log => _process.Output;

    /// <param name="demoSeed">False: a council's own data only (the demo council is not seeded); the demo clock still runs.</param>
    /// <param name="demoDay">The day the demo clock starts on.</param>
    public static async Task<BotProcess> StartAsync(string postgresConnectionString, bool demoSeed = true, string demoDay = DemoDay)
    {
        var url = new Uri($"http://127.0.0.1:{FreePort()}/");
        var process = ChildProcess.Start(
            "bot",
            "dotnet",
            [Repository.BotAssembly],
            new Dictionary<string, string>
            {
                ["ASPNETCORE_URLS"] = url.ToString().TrimEnd('/'),
                ["ConnectionStrings__Pmf"] = postgresConnectionString,
                ["Demo__Seed"] = demoSeed ? "true" : "false",
                ["Demo__Today"] = demoDay,
                ["Scheduler__PollInterval"] = "00:00:00.500",
                ["Logging__LogLevel__PmfBot"] = "Information",
            },
            Path.GetDirectoryName(Repository.BotAssembly));
        var bot = new BotProcess(process, url);
        await bot.WaitUntilHealthyAsync();
        return bot;
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (_process.HasExited)
            {
                break;
            }

            try
            {
                if ((await http.GetAsync(new Uri(Url, "healthz"))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or SocketException or TaskCanceledException)
            {
                // Still starting (schema, demo council).
            }

            await Task.Delay(250);
        }

        throw new InvalidOperationException($"The bot did not become healthy:\n{_process.Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
