using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using PmfBot.Bot.Tests.Teams.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

using PmfBot.Tests.Support;

namespace PmfBot.Bot.Tests.Telemetry;

/// <summary>OpenTelemetry is off unless an OTLP endpoint is configured; with one, traces and metrics reach it.</summary>
public sealed class TelemetryExportTests
{
    [Fact]
    public async Task Without_an_OTLP_endpoint_no_exporter_is_registered_and_nothing_is_collected()
    {
        await using var bot = BotApplication.Local();

        await bot.CreateClient().GetAsync("/healthz");

        Assert.Null(bot.Services.GetService<TracerProvider>());
        Assert.Null(bot.Services.GetService<MeterProvider>());
    }

    [Fact]
    public async Task With_Telemetry_OtlpEndpoint_traces_and_metrics_reach_the_collector()
    {
        var collector = WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{FreePort.Next()}"] });
        try
        {
            collector.Given(Request.Create().UsingPost()).RespondWith(Response.Create().WithStatusCode(200));
            await using var bot = BotApplication.Local(s =>
            {
                s["Telemetry:OtlpEndpoint"] = collector.Url;
                s["Telemetry:OtlpProtocol"] = "http/protobuf";
            });

            await bot.CreateClient().GetAsync("/published/no-such-page");
            Assert.True(bot.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000));
            Assert.True(bot.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000));

            // WireMock logs a request just after answering it, so the export can be done before it shows.
            await Eventually.HoldsAsync(
                () => collector.LogEntries.Select(e => e.RequestMessage.Path).ToHashSet() is var paths && paths.Contains("/v1/traces") && paths.Contains("/v1/metrics"),
                "the collector to have received /v1/traces and /v1/metrics");
        }
        finally
        {
            collector.Stop();
        }
    }

    [Fact]
    public async Task A_bad_OTLP_setting_stops_the_host_with_the_reason()
    {
        await using var bot = BotApplication.Local(s => s["Telemetry:OtlpProtocol"] = "carrier-pigeon");

        var failure = Assert.ThrowsAny<Exception>(() => bot.CreateClient());

        Assert.Contains("The Telemetry settings are not usable: OtlpProtocol must be grpc or http/protobuf", failure.ToString());
    }
}
