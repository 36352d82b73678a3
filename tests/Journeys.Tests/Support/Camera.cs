using System.Threading.Channels;

namespace PmfBot.Journeys.Tests.Support;

/// <summary>
/// Headless Chromium (Debian's /usr/bin/chromium, driven by tests/js/camera.mjs through
/// playwright-core) holding playground web UIs open while the journeys run, so they show the live
/// conversation, and saving screenshots of them to artifacts/journeys.
/// </summary>
public sealed class Camera : IAsyncDisposable
{
    private readonly ChildProcess _process;
    private readonly Channel<string> _answers = Channel.CreateUnbounded<string>();

    private Camera()
    {
        _process = ChildProcess.Start("camera", "node", [Repository.JsTool("camera.mjs")], new Dictionary<string, string>(), Path.Combine(Repository.Root, "tests", "js"));
        _process.Line += line =>
        {
            if (line.StartsWith("ok ", StringComparison.Ordinal) || line.StartsWith("error ", StringComparison.Ordinal))
            {
                _answers.Writer.TryWrite(line);
            }
        };
    }

    public static async Task<Camera> StartAsync()
    {
        var camera = new Camera();
        await camera.AnswerAsync("starting the browser");
        return camera;
    }

    /// <summary>Opens a person's playground in the browser (which also installs the bot for them, as Teams does).</summary>
    public Task OpenAsync(Playground playground) => CommandAsync($"open {playground.Persona} {playground.Url}");

    /// <summary>Saves a screenshot of the person's playground once <paramref name="waitFor"/> is on screen; returns its path.</summary>
    public async Task<string> ShootAsync(Playground playground, string name, string waitFor)
    {
        var path = Path.Combine(Repository.Artefacts, name + ".png");
        await CommandAsync($"shot {playground.Persona} {path} {waitFor}");
        return path;
    }

    /// <summary>Presses a card button in the person's web UI (the playground invokes the bot and shows its answer).</summary>
    public Task ClickAsync(Playground playground, string buttonTitle) => CommandAsync($"click {playground.Persona} {buttonTitle}");

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await _process.WriteLineAsync("quit");
            await Task.Delay(500);
        }

        await _process.DisposeAsync();
    }

    private async Task CommandAsync(string command)
    {
        await _process.WriteLineAsync(command);
        await AnswerAsync(command);
    }

    private async Task AnswerAsync(string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            var answer = await _answers.Reader.ReadAsync(timeout.Token);
            if (!answer.StartsWith("ok ", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The camera could not do \"{what}\": {answer}\n{_process.Output}");
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The camera did not answer \"{what}\".\n{_process.Output}");
        }
    }
}
