using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PmfBot.Bot.Teams.Connector;
using PmfBot.Bot.Telemetry;
using PmfBot.Bot.Tests.Status;
using PmfBot.Bot.Tests.Support;
using PmfBot.Bot.Tests.Teams.Support;
using PmfBot.Domain.Demo;
using PmfBot.Scheduler.Telemetry;
using PmfBot.Tests.Support;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace PmfBot.Bot.Tests.Telemetry;

/// <summary>The bot's instruments, recorded as the real host handles Teams traffic.</summary>
public sealed class BotMetricsTests
{
    [Fact]
    public async Task Activities_are_counted_by_type_and_card_buttons_by_verb_and_outcome()
    {
        await using var bot = new ConversationBot();
        using var measurements = new RecordedMeasurements(bot.Services.GetRequiredService<IMeterFactory>(), PmfMeter.Name);
        var chair = DemoCouncil.People.Chair;
        var stranger = new DemoPerson("Sam Stranger", "sam.stranger@example.org", Guid.NewGuid().ToString(), "Visitor");
        var status = new JsonObject { ["cardKind"] = "board-summary-card", ["priorityId"] = (await ReadCards.PriorityIdAsync(bot, "HW2")).ToString(), ["periodKey"] = "2025-26-Q2" };

        await bot.SayAsync(chair, "help");
        ConversationBot.CardOf(await bot.ClickAsync(chair, "Status.Show", status.DeepClone().AsObject()));
        await bot.ClickAsync(chair, "no.such.button", []);
        await bot.ClickAsync(stranger, "status.show", status.DeepClone().AsObject());

        Assert.Equal(1, measurements.Total(BotMetrics.ActivitiesReceived, ("activity.type", "message")));
        Assert.Equal(3, measurements.Total(BotMetrics.ActivitiesReceived, ("activity.type", "invoke")));
        // Tag values come from the card action table, whatever the card sent: its spelling, and "unknown" for a verb it lacks.
        Assert.Equal(
            [("status.show", "answered"), ("unknown", "unknown_verb"), ("status.show", "unknown_person")],
            measurements.Of(BotMetrics.CardActions).Select(m => (m["verb"], m["outcome"])));
    }

    [Fact]
    public async Task An_activity_of_a_type_PmfBot_does_not_know_is_counted_as_other()
    {
        await using var bot = BotApplication.Local();
        using var measurements = new RecordedMeasurements(bot.Services.GetRequiredService<IMeterFactory>(), PmfMeter.Name);
        var activity = Payloads.ForBot("personal-message.json");
        activity["type"] = "made-up-type-" + Guid.NewGuid().ToString("N");

        var response = await bot.CreateClient().PostAsync("/api/messages", new StringContent(activity.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

        response.EnsureSuccessStatusCode();
        var counted = Assert.Single(measurements.Of(BotMetrics.ActivitiesReceived));
        Assert.Equal("other", counted["activity.type"]);
    }

    [Fact]
    public async Task Every_429_from_the_connector_is_counted_with_its_operation_even_when_a_retry_succeeds()
    {
        await using var harness = new ConnectorHarness(localMode: true);
        using var measurements = new RecordedMeasurements(harness.Services.GetRequiredService<IMeterFactory>(), PmfMeter.Name);
        var scenario = Guid.NewGuid().ToString();
        var activities = Request.Create().WithPath(new WildcardMatcher("/uk/v3/conversations/*")).UsingPost();
        harness.Server.Given(activities).InScenario(scenario).WillSetStateTo("once")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "0"));
        harness.Server.Given(activities).InScenario(scenario).WhenStateIs("once").WillSetStateTo("twice")
            .RespondWith(Response.Create().WithStatusCode(429));
        harness.Server.Given(activities).InScenario(scenario).WhenStateIs("twice")
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json").WithBody("""{"id":"1"}"""));

        await harness.Client.SendToConversationAsync(harness.ServiceUrl, "a:conv-1", OutgoingActivity.FromText("Your Q1 returns are due"), CancellationToken.None);

        Assert.Equal(3, harness.Requests("/uk/v3/conversations/").Count);
        Assert.Equal(2, measurements.Total(BotMetrics.ConnectorThrottled, ("operation", "send to conversation")));
    }
}
