using System.Diagnostics;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PmfBot.Bot.Teams.Configuration;
using PmfBot.Bot.Teams.Connector;
using PmfBot.Bot.Tests.Teams.Support;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace PmfBot.Bot.Tests.Teams.Connector;

public sealed class ConnectorRateLimitTests
{
    [Fact]
    public void The_default_per_conversation_limits_are_Teams_published_ones()
    {
        var limits = new ConnectorOptions().EffectivePerConversationLimits.Select(w => (w.Permits, w.Window)).ToList();

        Assert.Equal(
            [(7, TimeSpan.FromSeconds(1)), (8, TimeSpan.FromSeconds(2)), (60, TimeSpan.FromSeconds(30)), (1800, TimeSpan.FromHours(1))],
            limits);
        Assert.Equal(30, new ConnectorOptions().GlobalPermitsPerSecond);
    }

    [Fact]
    public async Task Under_Teams_limits_no_window_ever_holds_more_sends_than_allowed_and_the_limiter_keeps_up()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var limiter = new ConnectorRateLimiter(Options.Create(new BotOptions()), time);
        var start = time.GetUtcNow();
        var grants = new List<TimeSpan>();

        for (var i = 0; i < 70; i++)
        {
            var acquire = limiter.AcquireAsync("a:one-person", CancellationToken.None).AsTask();
            while (!acquire.IsCompleted)
            {
                time.Advance(TimeSpan.FromMilliseconds(50));
                // Let the limiter's continuation run before time moves on, so the grant is read at its own tick.
                SpinWait.SpinUntil(() => acquire.IsCompleted, TimeSpan.FromMilliseconds(2));
            }

            Assert.True(await acquire);
            grants.Add(time.GetUtcNow() - start);
        }

        Assert.Equal(7, grants.Count(g => g == TimeSpan.Zero));
        foreach (var window in ConnectorOptions.TeamsPerConversationLimits)
        {
            for (var i = 0; i + window.Permits < grants.Count; i++)
                Assert.True(grants[i + window.Permits] - grants[i] >= window.Window, $"{window.Permits + 1} sends within {window.Window}");
        }

        // 60 per 30 s binds after the 60th send: the 61st to 70th go just after 30 s, not much later.
        Assert.InRange(grants[60], TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30.1));
        Assert.InRange(grants[^1], TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(33));
    }

    [Fact]
    public async Task A_busy_conversation_does_not_hold_up_other_conversations()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var limiter = new ConnectorRateLimiter(Options.Create(new BotOptions()), time);
        for (var i = 0; i < 7; i++)
            Assert.True(await limiter.AcquireAsync("a:busy", CancellationToken.None));

        var waiting = limiter.AcquireAsync("a:busy", CancellationToken.None).AsTask();
        var others = Enumerable.Range(0, 20).Select(i => limiter.AcquireAsync($"a:other-{i}", CancellationToken.None).AsTask()).ToList();

        Assert.All(others, o => Assert.True(o.IsCompletedSuccessfully && o.Result));
        Assert.False(waiting.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await waiting);
    }

    [Fact]
    public async Task Sends_through_the_client_to_one_conversation_are_spaced_by_its_window_and_all_arrive()
    {
        await using var harness = new ConnectorHarness(s =>
        {
            s["Bot:Connector:PerConversationLimits:0:Permits"] = "2";
            s["Bot:Connector:PerConversationLimits:0:Window"] = "00:00:00.500";
        });
        harness.IssueTokens();
        harness.Server.Given(Request.Create().WithPath(new WildcardMatcher("/uk/v3/conversations/*")).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithBody("""{"id":"1"}"""));
        Task Send() => harness.Client.SendToConversationAsync(harness.ServiceUrl, "a:busy", OutgoingActivity.FromText("x"), CancellationToken.None);

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Send()));

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(950), $"6 sends at 2 per 500 ms took {clock.ElapsedMilliseconds} ms");
        Assert.Equal(6, harness.Requests("/uk/v3/conversations/a:busy").Count);
    }

    [Fact]
    public async Task A_send_still_waiting_for_its_turn_when_the_call_times_out_is_reported_as_not_sent()
    {
        await using var harness = new ConnectorHarness(s =>
        {
            s["Bot:Connector:PerConversationLimits:0:Permits"] = "1";
            s["Bot:Connector:PerConversationLimits:0:Window"] = "00:00:10";
            s["Bot:Connector:TotalTimeout"] = "00:00:01";
            s["Bot:Connector:AttemptTimeout"] = "00:00:01";
        });
        harness.IssueTokens();
        harness.Server.Given(Request.Create().WithPath(new WildcardMatcher("/uk/v3/conversations/*")).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithBody("""{"id":"1"}"""));
        Task Send() => harness.Client.SendToConversationAsync(harness.ServiceUrl, "a:busy", OutgoingActivity.FromText("x"), CancellationToken.None);

        await Send();
        await Assert.ThrowsAsync<ConnectorNotSentException>(Send);

        Assert.Single(harness.Requests("/uk/v3/conversations/a:busy"));
    }

    [Fact]
    public async Task All_requests_share_the_global_rate()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var limiter = new ConnectorRateLimiter(Options.Create(new BotOptions
        {
            Connector = new ConnectorOptions { GlobalPermitsPerSecond = 2 },
        }), time);

        Assert.True(await limiter.AcquireAsync(null, CancellationToken.None));
        Assert.True(await limiter.AcquireAsync("a:1", CancellationToken.None));
        var third = limiter.AcquireAsync("a:2", CancellationToken.None).AsTask();
        Assert.False(third.IsCompleted);

        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(third.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(await third);
    }

    [Fact]
    public async Task A_full_wait_queue_refuses_instead_of_sending()
    {
        using var limiter = new ConnectorRateLimiter(Options.Create(new BotOptions
        {
            Connector = new ConnectorOptions
            {
                RateLimitQueueLimit = 0,
                PerConversationLimits = [new RateWindow { Permits = 1, Window = TimeSpan.FromSeconds(10) }],
            },
        }), TimeProvider.System);

        Assert.True(await limiter.AcquireAsync("a:1", CancellationToken.None));
        Assert.False(await limiter.AcquireAsync("a:1", CancellationToken.None));
    }
}
