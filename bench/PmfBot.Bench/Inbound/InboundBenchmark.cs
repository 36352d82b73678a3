using PmfBot.Bench.Fakes;
using PmfBot.Bench.Generator;
using PmfBot.Bench.Support;
using PmfBot.Domain.Cycle;
using PmfBot.Domain.Storage;

namespace PmfBot.Bench.Inbound;

/// <summary>
/// Benchmarks 1 and 5: status queries through <c>/api/messages</c> of the real bot host (a process
/// of its own, on PostgreSQL, checking every request's JWT against signing keys served by the fake
/// Bot Connector), by the card button (answered in the response) and by chat message (answered through
/// the connector: measured until the reply reaches the fake). The baseline is a bare ASP.NET Core
/// endpoint in a process of its own answering a body of the same size. Benchmark 5 is the bot's
/// resident memory, idle after start and at its peak under this load.
/// </summary>
public sealed class InboundBenchmark(Report report, BenchOptions options)
{
    private const double OpenLoopRate = 200;
    private const int Concurrency = 32;
    private const double GoalThroughputShare = 0.5;
    private const double GoalP99Milliseconds = 50;
    private const long GoalIdleBytes = 250L * 1024 * 1024;
    private const long GoalLoadedBytes = 400L * 1024 * 1024;

    /// <summary>
    /// Returns saved a second by owners while status is asked (the last afternoon): each save sends the
    /// next ask of every priority back to composing. A council of 2,000 indicators submitting over an
    /// afternoon saves well under one a second on average.
    /// </summary>
    private static readonly double[] LastAfternoonSaves = [1, 5];

    /// <summary>The bot's own global send rate for this run: high enough never to be what limits the message path.</summary>
    private const int UnthrottledPermitsPerSecond = 100_000;

    private TimeSpan Warmup => TimeSpan.FromSeconds(options.Quick ? 5 : 15);

    private TimeSpan ThroughputRun => TimeSpan.FromSeconds(options.Quick ? 5 : 10);

    private TimeSpan LatencyRun => TimeSpan.FromSeconds(options.Quick ? 8 : 15);

    public async Task RunAsync()
    {
        report.Heading("1. Inbound status queries through /api/messages, and 5. the bot's memory");
        using var key = new BenchSigningKey();
        await using var teams = await BotFrameworkFake.StartAsync(key, new TeamsLimits(globalPerSecond: null));
        var spec = options.Quick ? CouncilSpec.WithIndicators(500) : CouncilSpec.Large;
        var (database, council) = await BenchDatabase.WithCouncilAsync("inbound", spec, options.Today, teams.ServiceUrl, report.Output);
        await using (database)
        {
            await PauseTheCycleAsync(database, council);
            var bot = await StartBotAsync(database, teams);
            await using (bot)
            {
                await Task.Delay(TimeSpan.FromSeconds(5));
                var idle = bot.Memory().Resident;
                report.Line($"bot process {bot.Id} ready on PostgreSQL with {spec.Describe()}; resident {Report.Mb(idle)} idle");

                var activities = new StatusActivities(council, teams.ServiceUrl, BenchIds.BotTeamsId, key.CreateToken(BenchBot.AppId, teams.ServiceUrl));
                using var client = NewClient();
                var cardBytes = await CardSizeAsync(client, activities, bot.BaseUrl);
                LoadGenerator.Call invoke = (n, ct) => InvokeAsync(client, activities, bot.BaseUrl, n, ct);
                LoadGenerator.Call message = (n, ct) => MessageAsync(client, activities, teams, bot.BaseUrl, n, ct);

                var peak = 0L;
                using var sampling = new CancellationTokenSource();
                var sampler = SampleMemoryAsync(bot, sampling.Token, resident => peak = Math.Max(peak, resident));

                await LoadGenerator.ClosedLoopAsync(invoke, 8, Warmup);
                await LoadGenerator.ClosedLoopAsync(message, 8, Warmup / 2);
                var cpu = bot.Cpu();
                var generatorCpu = Machine.ProcessCpu();
                var invokeThroughput = await LoadGenerator.ClosedLoopAsync(invoke, Concurrency, ThroughputRun);
                var invokeCpu = (bot.Cpu() - cpu) / Math.Max(1, invokeThroughput.Completed);
                var invokeGeneratorCpu = (Machine.ProcessCpu() - generatorCpu) / Math.Max(1, invokeThroughput.Completed);
                cpu = bot.Cpu();
                var messageThroughput = await LoadGenerator.ClosedLoopAsync(message, Concurrency, ThroughputRun);
                var messageCpu = (bot.Cpu() - cpu) / Math.Max(1, messageThroughput.Completed);
                var peakAtCapacity = peak;
                var invokeLatency = await LoadGenerator.OpenLoopAsync(invoke, OpenLoopRate, LatencyRun);
                var messageLatency = await LoadGenerator.OpenLoopAsync(message, OpenLoopRate, LatencyRun);
                var afternoon = new List<(double SavesPerSecond, int Saved, LoadResult Asked, double BotCores)>();
                foreach (var savesPerSecond in LastAfternoonSaves)
                {
                    var botCpu = bot.Cpu();
                    await using var owners = OwnersSaving.Start(database.Options, council.Quarter, savesPerSecond);
                    var asked = await LoadGenerator.OpenLoopAsync(invoke, OpenLoopRate, LatencyRun);
                    var cores = (bot.Cpu() - botCpu) / asked.Elapsed;
                    afternoon.Add((savesPerSecond, await owners.StopAsync(), asked, cores));
                }

                await sampling.CancelAsync();
                await sampler;
                var highWater = bot.Memory().Peak;

                var (baselineThroughput, baselineLatency, baselineCpu) = await BaselineAsync(client, activities, cardBytes);

                report.Line($"status card in the invoke response: {cardBytes:N0} bytes; the baseline gets the same requests (activity and bearer token) and answers the same size");
                report.Line($"baseline, {Concurrency} callers: {baselineThroughput.Describe()}");
                report.Line($"baseline, {OpenLoopRate}/s: {baselineLatency.Describe()}");
                report.Line($"invoke (status.show), {Concurrency} callers: {invokeThroughput.Describe()}");
                report.Line($"CPU per request at {Concurrency} callers, both on these {Environment.ProcessorCount} cores: bot {Micros(invokeCpu)} and load generator {Micros(invokeGeneratorCpu)}; " +
                    $"baseline server {Micros(baselineCpu.Server)} and load generator {Micros(baselineCpu.Generator)}");
                report.Line($"invoke (status.show), {OpenLoopRate}/s: {invokeLatency.Describe()}");
                report.Line($"message (status <code>) until the reply reaches the connector, {Concurrency} callers: {messageThroughput.Describe()}");
                report.Line($"message (status <code>) until the reply reaches the connector, {OpenLoopRate}/s: {messageLatency.Describe()}");
                foreach (var (savesPerSecond, saved, asked, cores) in afternoon)
                {
                    report.Line($"invoke (status.show), {OpenLoopRate}/s while owners save {savesPerSecond:0} return(s) a second on another server ({saved} saved; the bot used {cores:0.00} cores): {asked.Describe()}");
                }

                report.Line($"the bot's own CPU per status query: {invokeCpu.TotalMilliseconds:0.0} ms by card button, {messageCpu.TotalMilliseconds:0.0} ms by message " +
                    $"(so {OpenLoopRate}/s needs {invokeCpu.TotalSeconds * OpenLoopRate:0.0} to {messageCpu.TotalSeconds * OpenLoopRate:0.0} cores for the bot alone, before PostgreSQL)");

                AddThroughput("invoke (card button)", invokeThroughput, baselineThroughput);
                AddLatency("invoke (card button)", invokeLatency, baselineLatency);
                AddThroughput("message, until the reply", messageThroughput, baselineThroughput);
                AddLatency("message, until the reply", messageLatency, baselineLatency);
                foreach (var (savesPerSecond, _, asked, _) in afternoon)
                {
                    AddLatency($"invoke, owners saving {savesPerSecond:0}/s", asked, baselineLatency);
                }

                report.Heading("5. Memory: the bot's resident set");
                report.Line($"sampled every 250 ms under benchmark 1: peak {Report.Mb(peakAtCapacity)} while at capacity ({Concurrency} callers), {Report.Mb(peak)} including the {OpenLoopRate}/s runs; VmHWM (highest since start) {Report.Mb(highWater)}");
                report.Add(new Figure("5", "bot resident memory, idle after start", Report.Mb(idle), "", "", "< 250 MB", idle < GoalIdleBytes));
                report.Add(new Figure("5", "bot resident memory, peak under benchmark 1 (VmHWM)", Report.Mb(highWater), Report.Mb(idle) + " idle",
                    Report.Times(highWater / (double)idle), "< 400 MB", highWater < GoalLoadedBytes));
            }
        }

        report.Note("inbound: every request carries a Bot Connector JWT (RS256, issuer, audience, lifetime, serviceUrl claim, endorsement); one token is reused, as the " +
            "Connector does, so the bot checks its signature once and then, on every request, its lifetime, its key and the serviceUrl and endorsement against the activity. " +
            "The status card is rendered once per saved change and kept under the data-version stamp, which the bot knows without a query while its PostgreSQL LISTEN is up, as in production. " +
            $"A chat message is answered through the connector, a second HTTP exchange the bare endpoint does not make: the replies go to the fake connector without Teams' limits, and Bot:Connector:GlobalPermitsPerSecond is raised to {UnthrottledPermitsPerSecond:N0} " +
            "so that it measures the bot; Teams itself takes 50 requests a second per app per tenant, so for one council the message path is bounded by Teams long before the bot.");
        if (options.Quick)
        {
            report.Note("--quick: inbound measured on a 500-indicator council with shorter runs.");
        }
    }

    private void AddThroughput(string path, LoadResult measured, LoadResult baseline)
    {
        var ratio = measured.Throughput / baseline.Throughput;
        report.Add(new Figure("1", $"{path}: throughput, {Concurrency} callers", Report.PerSecond(measured.Throughput) + Failures(measured),
            Report.PerSecond(baseline.Throughput), Report.Times(ratio), $">= {GoalThroughputShare}x baseline", ratio >= GoalThroughputShare && measured.Failed == 0));
    }

    private void AddLatency(string path, LoadResult measured, LoadResult baseline)
    {
        var p99 = measured.Latencies.Percentile(99);
        report.Add(new Figure("1", $"{path}: p99 at {OpenLoopRate}/s", Report.Ms(p99) + Failures(measured),
            Report.Ms(baseline.Latencies.Percentile(99)), Report.Times(p99 / baseline.Latencies.Percentile(99)), $"< {GoalP99Milliseconds} ms", p99 < GoalP99Milliseconds && measured.Failed == 0));
    }

    private static string Failures(LoadResult result) => result.Failed == 0 ? "" : $" ({result.Failed:N0} failed)";

    /// <summary>
    /// The bare endpoint gets the very same request as the bot (the activity and the bearer token), so
    /// the load generator, the sockets and Kestrel do the same work for both; only what the bot does
    /// with it differs. It answers a body of the same size as the bot's answer.
    /// </summary>
    private static string Micros(TimeSpan cpu) => $"{cpu.TotalMicroseconds:N0} µs";

    private async Task<(LoadResult Throughput, LoadResult Latency, (TimeSpan Server, TimeSpan Generator) Cpu)> BaselineAsync(HttpClient client, StatusActivities activities, int bytes)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "PmfBot.Bench.dll");
        await using var baseline = await HostProcess.StartAsync(dll, [BareBaseline.Command, bytes.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            new Dictionary<string, string?>(), Path.Combine(options.RepositoryRoot, "artifacts", "bench-baseline.log"), "/healthz");
        LoadGenerator.Call call = async (n, ct) =>
        {
            using var request = activities.Invoke(baseline.BaseUrl, n);
            using var response = await client.SendAsync(request, ct);
            var body = await response.Content.ReadAsByteArrayAsync(ct);
            return response.IsSuccessStatusCode && body.Length == bytes;
        };
        await LoadGenerator.ClosedLoopAsync(call, 8, Warmup);
        var (server, generator) = (baseline.Cpu(), Machine.ProcessCpu());
        var throughput = await LoadGenerator.ClosedLoopAsync(call, Concurrency, ThroughputRun);
        var perRequest = ((baseline.Cpu() - server) / Math.Max(1, throughput.Completed), (Machine.ProcessCpu() - generator) / Math.Max(1, throughput.Completed));
        var latency = await LoadGenerator.OpenLoopAsync(call, OpenLoopRate, LatencyRun);
        return (throughput, latency, perRequest);
    }

    private async Task<HostProcess> StartBotAsync(BenchDatabase database, BotFrameworkFake teams)
    {
        var dll = Path.Combine(options.RepositoryRoot, "src", "Bot", "bin", "Release", "net10.0", "PmfBot.Bot.dll");
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__Pmf"] = database.ConnectionString,
            ["Demo__Seed"] = "false",
        };
        foreach (var (setting, value) in BenchBot.Settings(teams, globalPermitsPerSecond: UnthrottledPermitsPerSecond))
        {
            environment[setting.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return await HostProcess.StartAsync(dll, [], environment, Path.Combine(options.RepositoryRoot, "artifacts", "bench-bot.log"), "/healthz");
    }

    /// <summary>The cycle would otherwise open returns and send nudges while the benchmark runs.</summary>
    private static async Task PauseTheCycleAsync(BenchDatabase database, GeneratedCouncil council)
    {
        await using var db = DatabaseSetup.CreateContext(database.Options);
        var state = CycleState.New(DateTimeOffset.UtcNow);
        state.Pause(council.Reader.Id, DateTimeOffset.UtcNow);
        db.CycleState.Add(state);
        await db.SaveChangesAsync();
    }

    private static async Task<int> CardSizeAsync(HttpClient client, StatusActivities activities, string baseUrl)
    {
        using var request = activities.Invoke(baseUrl, 0);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || !body.Contains("application/vnd.microsoft.card.adaptive", StringComparison.Ordinal))
        {
            throw new BenchSetupException($"The bot did not answer status.show with a card ({(int)response.StatusCode}): {body[..Math.Min(body.Length, 300)]}");
        }

        return System.Text.Encoding.UTF8.GetByteCount(body);
    }

    private static async Task<bool> InvokeAsync(HttpClient client, StatusActivities activities, string baseUrl, int number, CancellationToken cancellationToken)
    {
        using var request = activities.Invoke(baseUrl, number);
        using var response = await client.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return response.IsSuccessStatusCode && body.AsSpan().StartsWith("{\"statusCode\":200,"u8);
    }

    private static async Task<bool> MessageAsync(HttpClient client, StatusActivities activities, BotFrameworkFake teams, string baseUrl, int number, CancellationToken cancellationToken)
    {
        var id = StatusActivities.MessageId(number);
        var reply = teams.ReplyTo(id);
        try
        {
            using var request = activities.Message(baseUrl, number);
            using var response = await client.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return false;
            }

            await reply.WaitAsync(cancellationToken);
            return true;
        }
        finally
        {
            teams.ForgetReply(id);
        }
    }

    private static async Task SampleMemoryAsync(HostProcess bot, CancellationToken cancellationToken, Action<long> sample)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            sample(bot.Memory().Resident);
            try
            {
                await Task.Delay(250, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static HttpClient NewClient() => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 512,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };
}
