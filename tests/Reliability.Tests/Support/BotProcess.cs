using System.Collections.Concurrent;
using System.Diagnostics;
using PmfBot.Tests.Support;

namespace PmfBot.Reliability.Tests.Support;

/// <summary>
/// The built bot (src/Bot/bin/&lt;Configuration&gt;/net10.0/PmfBot.Bot.dll) as a child process, configured
/// through environment variables as a deployment would be, its standard output and error kept line by
/// line. <see cref="Kill"/> is SIGKILL: no shutdown code runs.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;

    private BotProcess(Process process, int port)
    {
        _process = process;
        Url = $"http://127.0.0.1:{port}";
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Url { get; }

    public ConcurrentQueue<string> Output { get; } = new();

    public bool HasExited => _process.HasExited;

    public int Id => _process.Id;

    /// <summary>The bot's dll, built beside this test project (same configuration).</summary>
    public static string BotDll
    {
        get
        {
            var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name; // bin/<Configuration>/net10.0
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "PmfBot.sln")))
                root = root.Parent;
            var dll = Path.Combine(root?.FullName ?? ".", "src", "Bot", "bin", configuration, "net10.0", "PmfBot.Bot.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build the bot first (dotnet build PmfBot.sln -c {configuration}): {dll} is missing.");
        }
    }

    public static BotProcess Start(IReadOnlyDictionary<string, string> environment)
    {
        var port = FreePort.Next();
        var dll = BotDll;
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        return new BotProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"), port);
    }

    /// <summary>Waits until /healthz answers 200 (the schema is ready), or the process exits.</summary>
    public async Task WaitHealthyAsync(TimeSpan within)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < within)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The bot exited with {_process.ExitCode}: {string.Join("\n", Output.TakeLast(30))}");
            try
            {
                using var response = await http.GetAsync(Url + "/healthz");
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // starting
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The bot was not healthy within {within}: {string.Join("\n", Output.TakeLast(30))}");
    }

    /// <summary>SIGKILL, and wait for the process to be gone.</summary>
    public void Kill()
    {
        if (_process.HasExited)
            return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Keep(string? line)
    {
        if (line is not null)
            Output.Enqueue(line);
    }
}
