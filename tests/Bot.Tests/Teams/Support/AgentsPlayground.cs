using System.Diagnostics;
using System.Text;
using PmfBot.Tests.Support;
using Xunit.Abstractions;

namespace PmfBot.Bot.Tests.Teams.Support;

/// <summary>
/// Microsoft's Agents Playground (@microsoft/m365agentsplayground, from tests/js) as a node process that plays
/// Teams and the Bot Connector for a bot listening on 127.0.0.1. Started ONLY with telemetry off:
/// APPLICATION_INSIGHTS_NO_STATSBEAT=1 and --disable-telemetry (and TEAMSAPPTESTER_BROWSER=none).
/// Disposing it kills it and writes what it printed to the test's output.
/// </summary>
public sealed class AgentsPlayground : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly StringBuilder _printed = new();
    private readonly ITestOutputHelper _output;
    private readonly string _workDir;
    private readonly Process _process;

    private AgentsPlayground(int botPort, ITestOutputHelper output, string? configFile)
    {
        _output = output;
        var root = RepositoryRoot();
        var cli = Path.Combine(root, "tests", "js", "node_modules", "@microsoft", "m365agentsplayground", "cli.js");
        if (!File.Exists(cli))
            Assert.Fail($"The Agents Playground is not installed ({cli} is missing). Run the test script (scripts/test.sh), which runs `npm ci` in tests/js, or run `npm ci` there yourself.");

        _workDir = Directory.CreateTempSubdirectory("pmfbot-playground-").FullName;
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = _workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { cli, "-e", $"http://127.0.0.1:{botPort}/api/messages", "-c", "msteams", "--disable-telemetry", "-p", Port.ToString() })
            start.ArgumentList.Add(arg);
        start.Environment["APPLICATION_INSIGHTS_NO_STATSBEAT"] = "1";
        start.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        if (configFile is not null)
            start.Environment["M365_AGENTS_PLAYGROUND_CONFIG_PATH"] = Path.Combine(root, configFile);
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => { lock (_printed) _printed.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (_printed) _printed.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Port { get; } = FreePort.Next();

    /// <summary>Starts the playground for the bot on <paramref name="botPort"/> and waits until it answers its ping.</summary>
    /// <param name="configFile">The playground's user and chat (e.g. playground/scrutiny.yml), from the repository root; null for its default.</param>
    public static async Task<AgentsPlayground> StartAsync(int botPort, ITestOutputHelper output, string? configFile = null)
    {
        var playground = new AgentsPlayground(botPort, output, configFile);
        try
        {
            await playground.WaitUntilReadyAsync();
            return playground;
        }
        catch
        {
            await playground.DisposeAsync();
            throw;
        }
    }

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        lock (_printed)
            _output.WriteLine(_printed.ToString());
        Directory.Delete(_workDir, recursive: true);
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if (await http.GetStringAsync(Url("/_debug/ping")) == "pong")
                    return;
            }
            catch (HttpRequestException) when (clock.Elapsed < Patience && !_process.HasExited)
            {
                await Task.Delay(250);
            }
        }
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "tests", "js", "package.json")))
            dir = dir.Parent;
        if (dir is null)
            Assert.Fail("tests/js/package.json not found above the test output directory.");
        return dir!.FullName;
    }
}
