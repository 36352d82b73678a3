using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using PmfBot.Bench.Fakes;
using PmfBot.Bench.Generator;
using PmfBot.Bench.Support;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Indicators;
using PmfBot.Domain.Outbox;
using PmfBot.Domain.Storage;
using PmfBot.Scheduler.Jobs;

namespace PmfBot.Bench.FanOut;

/// <summary>
/// Benchmark 2: the day returns open for a council of many owners. The cycle job queues one
/// "returns open" card per owner in the outbox; the delivery job renders each card and sends it
/// through the bot's own connector client (its retries and rate limiters) to a fake Bot Connector
/// that enforces Teams' limits and refuses a share of calls at random with 429. Measured: the
/// delivery's time against the least the limits allow, and that every owner got exactly one message.
/// </summary>
public sealed class FanOutBenchmark(Report report, BenchOptions options)
{
    private const double RandomRefusals = 0.05;
    private const double GoalRatio = 1.1;
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan RateSample = TimeSpan.FromSeconds(10);

    /// <summary>How fast the delivery went through the run: a steady rate at the limit, or stalls.</summary>
    private static async Task<List<string>> SampleRatesAsync(BotFrameworkFake teams, CancellationToken cancellationToken)
    {
        var rates = new List<string>();
        var last = teams.Requests;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(RateSample, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            var now = teams.Requests;
            rates.Add(((now - last) / RateSample.TotalSeconds).ToString("0", System.Globalization.CultureInfo.InvariantCulture));
            last = now;
        }

        return rates;
    }

    public async Task RunAsync()
    {
        var owners = options.Owners ?? (options.Quick ? 1000 : 10_000);
        var rate = options.GlobalRate;
        report.Heading($"2. Fan-out: a nudge campaign for {owners:N0} owners");

        using var key = new BenchSigningKey();
        await using var teams = await BotFrameworkFake.StartAsync(key, new TeamsLimits(rate), RandomRefusals, seed: 20261123, latency: Latency);
        var spec = CouncilSpec.Campaign(owners);
        var (database, council) = await BenchDatabase.WithCouncilAsync("fanout", spec, options.Today, teams.ServiceUrl, report.Output);
        await using (database)
        {
            var calendar = ReturnCalendar.EnglandAndWales();
            var quarter = ReportingPeriods.Current(Frequency.Quarterly, options.Today).Next();
            var opens = calendar.WindowFor(quarter).Opens;
            var clock = new ShiftedClock(UkTime.StartOf(opens).AddHours(10));
            await using var bot = InProcessBot.Build(database.ConnectionString, BenchBot.Settings(teams, rate), clock);

            var watch = Stopwatch.StartNew();
            var cycle = await bot.InScopeAsync<CycleJob, CycleJob.Result>(job => job.RunAsync(CancellationToken.None));
            var queuing = watch.Elapsed;
            report.Line($"cycle on {opens:ddd d MMMM yyyy}, 10:00: opened {cycle.ReturnsOpened:N0} returns and queued {cycle.Queued:N0} messages in {Report.Seconds(queuing)}");

            watch.Restart();
            var cpu = Machine.ProcessCpu();
            using var sampling = new CancellationTokenSource();
            var rates = SampleRatesAsync(teams, sampling.Token);
            var delivered = await bot.InScopeAsync<DeliverOutboxJob, DeliverOutboxJob.Result>(job => job.RunAsync(CancellationToken.None));
            var delivery = watch.Elapsed;
            cpu = Machine.ProcessCpu() - cpu;
            await sampling.CancelAsync();
            report.Line($"requests to the fake connector a second, every {RateSample.TotalSeconds:0} s: {string.Join(" ", await rates)}");

            var outbox = await bot.InScopeAsync<PmfDbContext, Dictionary<OutboxState, int>>(db =>
                db.Outbox.GroupBy(m => m.State).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));
            var perOwner = council.OwnerIds.Select(id => teams.MessagesByConversation.GetValueOrDefault($"a:bench-{id:N}")).ToList();
            var exactlyOnce = perOwner.Count(n => n == 1);
            var accepted = teams.Creates + teams.MessagesByConversation.Values.Sum();
            var minimum = TimeSpan.FromSeconds(accepted / (double)rate);
            var ratio = delivery / minimum;

            report.Line($"delivery: {delivered}; {cpu.TotalMilliseconds / Math.Max(1, delivered.Total):0.0} ms of this process's CPU per message; load average now {Machine.LoadAverage()}");
            report.Line($"outbox: {string.Join(", ", outbox.Select(kv => $"{kv.Key} {kv.Value:N0}"))}");
            report.Line($"fake Bot Connector: {teams.Requests:N0} requests ({teams.Creates:N0} conversations created, {accepted - teams.Creates:N0} messages accepted), " +
                $"{teams.RefusedAtRandom:N0} refused at random, {teams.RefusedByLimits:N0} refused for a limit; {teams.TokenRequests} token requests; busy {Report.Seconds(teams.Busy)}");
            report.Line($"least the limits allow: {accepted:N0} accepted requests / {rate} a second = {Report.Seconds(minimum)}; " +
                $"counting the {teams.Requests - accepted:N0} refused calls too (each cost the bot a request): {Report.Seconds(TimeSpan.FromSeconds(teams.Requests / (double)rate))}");
            report.Add(new Figure("2", $"campaign delivered to {owners:N0} owners", Report.Seconds(delivery), $"{Report.Seconds(minimum)} (limits)",
                Report.Times(ratio), $"<= {GoalRatio}x", ratio <= GoalRatio));
            report.Add(new Figure("2", "owners nudged exactly once", $"{exactlyOnce:N0} of {owners:N0}", "", "",
                "all, once", exactlyOnce == owners && perOwner.All(n => n <= 1)));
            report.Note($"fan-out: the fake Bot Connector and the bot (Bot:Connector:GlobalPermitsPerSecond) both allow {rate} requests a second in all " +
                $"(Teams documents 50 per app per tenant; --rate changes it), plus Teams' per-conversation limits. The fake answers after {Latency.TotalMilliseconds} ms " +
                $"and refuses {RandomRefusals:P0} of calls at random (Retry-After: 1). {spec.ChannelOnlyShare:P0} of owners were only seen in a channel, so their 1:1 chat is created first.");
        }
    }
}
