using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Conversations;
using PmfBot.Domain.Outbox;
using PmfBot.Domain.Returns;
using PmfBot.Reliability.Tests.Support;
using PmfBot.Scheduler.Cycle;
using PmfBot.Tests.Support;
using Xunit.Abstractions;

namespace PmfBot.Reliability.Tests.Crash;

/// <summary>
/// The real bot process, on PostgreSQL with Hangfire, killed with SIGKILL a third of the way
/// through a returns-open campaign, then started again on the same database: every owner is
/// nudged, and the only owners who can be nudged twice are those whose message was in flight at
/// the kill (sent to Teams, not yet recorded as sent). docs/reliability.md gives the figures.
/// </summary>
public sealed class SigkillDuringCampaignTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Owners = 300;
    private readonly PostgresTestDatabase _database = new();

    // Paced like Teams: 30 ms a send, and the bot's own limiter allows 30 sends a second.
    private readonly FakeTeams _teams = new(latency: TimeSpan.FromMilliseconds(30));
    private CampaignCouncil _council = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _council = await CampaignCouncil.SeedAsync(_database, Owners);
        await QueueCampaignAsync();
    }

    public async Task DisposeAsync()
    {
        await _teams.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Killed_mid_campaign_and_restarted_every_owner_is_nudged_and_only_those_in_flight_at_the_kill_can_be_nudged_twice()
    {
        var watch = Stopwatch.StartNew();
        var first = BotProcess.Start(Environment());
        await first.WaitHealthyAsync(TimeSpan.FromSeconds(60));
        await WaitUntilAsync(() => _teams.PostedCount >= Owners / 3, TimeSpan.FromSeconds(90), first);
        first.Kill();
        var postedAtKill = _teams.PostedCount;
        var atKill = await OutboxAsync();
        var inFlight = atKill.Where(m => m.State == OutboxState.Sending).Select(m => m.PersonId!.Value).ToHashSet();
        var recordedSent = atKill.Count(m => m.State == OutboxState.Sent);
        await first.DisposeAsync();

        // A dead server's claim is taken over after OutboxStore.ClaimTimeout (10 minutes): let that time pass.
        await using (var db = _database.NewContext())
        {
            await db.Database.ExecuteSqlAsync($"""UPDATE outbox SET "ClaimedAt" = "ClaimedAt" - {OutboxStore.ClaimTimeout + TimeSpan.FromSeconds(1)} WHERE "State" = 'Sending'""");
        }

        await using var second = BotProcess.Start(Environment());
        await second.WaitHealthyAsync(TimeSpan.FromSeconds(60));
        await WaitUntilAsync(async () => (await OutboxAsync()).All(m => m.State == OutboxState.Sent), TimeSpan.FromSeconds(90), second);
        second.Kill();

        var posted = _teams.Posted();
        var twice = _council.Owners.Where(o => posted.GetValueOrDefault(Conversation(o.Email)) > 1).Select(o => o.Id).ToHashSet();
        output.WriteLine(
            $"{Owners} owners; killed after {postedAtKill} posted ({recordedSent} recorded as sent, {inFlight.Count} in flight); " +
            $"after the restart {_teams.PostedCount} posted in all, {twice.Count} owner(s) nudged twice; {watch.Elapsed.TotalSeconds:0.0} s");
        Assert.All(_council.Owners, o => Assert.True(posted.GetValueOrDefault(Conversation(o.Email)) >= 1, $"{o.Name} was never nudged"));
        Assert.Subset(inFlight, twice);
        Assert.True(postedAtKill < Owners, "the kill landed after the campaign had finished: nothing was tested");
    }

    private static string Conversation(string email) => "a:" + email;

    private Dictionary<string, string> Environment() => new()
    {
        ["ConnectionStrings__Pmf"] = _database.ConnectionString,
        ["Demo__Seed"] = "false",
        ["Scheduler__Role"] = "all",
        ["Scheduler__PollInterval"] = "00:00:00.5",
        ["Scheduler__DeliveryCron"] = "*/2 * * * * *",
        // The cycle itself is not under test (it would plan from today's real date): once a year.
        ["Scheduler__CycleCron"] = "0 0 1 1 *",
    };

    /// <summary>What the cycle queues the day returns open: one nudge per owner, each owner reachable in a 1:1 chat.</summary>
    private async Task QueueCampaignAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var period = Period.Quarter(2025, 3);
        var due = ReturnCalendar.EnglandAndWales().WindowFor(period).Due;
        await using var db = _database.NewContext();
        var owners = _council.Owners.Select(o => o.Id).ToList();
        var indicators = await db.Indicators.Where(i => owners.Contains(i.OwnerId)).ToListAsync();
        db.Returns.AddRange(indicators.Select(i => IndicatorReturn.Open(i, period, due, now)));
        await db.SaveChangesAsync();
        var returns = await db.Returns.AsNoTracking().Include(r => r.Indicator).Select(r => new { r.Id, r.Indicator.OwnerId }).ToListAsync();

        var references = new ConversationReferenceStore(db, TimeProvider.System, new RecentSightings());
        var outbox = new OutboxStore(db, TimeProvider.System);
        foreach (var owner in _council.Owners)
        {
            var objectId = Guid.NewGuid().ToString();
            await db.People.Where(p => p.Id == owner.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.EntraObjectId, objectId));
            await references.RecordAsync([new ConversationSighting
            {
                Key = ConversationReference.PersonKey(objectId),
                Kind = ConversationKind.Personal,
                ServiceUrl = _teams.ServiceUrl,
                ChannelId = "msteams",
                TenantId = BotUnderTest.TenantId,
                ConversationId = Conversation(owner.Email),
                UserId = "29:" + owner.Email,
                EntraObjectId = objectId,
                UserName = owner.Name,
            }]);
        }

        var day = DateOnly.FromDateTime(now.UtcDateTime);
        await outbox.EnqueueAsync(_council.Owners.Select(o => OutboxMessage.ToPerson(
            $"ReturnsOpen:{o.Id}:{day:yyyy-MM-dd}", OutboxKinds.ReturnsOpen, o.Id, period,
            JsonSerializer.Serialize(new NudgePayload(o.Id, "owner", day, due, returns.Where(r => r.OwnerId == o.Id).Select(r => r.Id).ToList(), [period.Key], null, null), PlannedMessage.Json),
            now)));
    }

    private async Task<List<OutboxMessage>> OutboxAsync()
    {
        await using var db = _database.NewContext();
        return await db.Outbox.AsNoTracking().ToListAsync();
    }

    private static Task WaitUntilAsync(Func<bool> done, TimeSpan within, BotProcess bot) => WaitUntilAsync(() => Task.FromResult(done()), within, bot);

    private static async Task WaitUntilAsync(Func<Task<bool>> done, TimeSpan within, BotProcess bot)
    {
        var watch = Stopwatch.StartNew();
        while (!await done())
        {
            if (bot.HasExited || watch.Elapsed > within)
                throw new TimeoutException($"Still waiting after {watch.Elapsed}; the bot said: {string.Join("\n", bot.Output.TakeLast(40))}");
            await Task.Delay(10);
        }
    }
}
