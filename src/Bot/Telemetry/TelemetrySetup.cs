using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using PmfBot.Bot.Health;
using PmfBot.Domain.Settings;
using PmfBot.Scheduler.Telemetry;

namespace PmfBot.Bot.Telemetry;

public static class TelemetrySetup
{
    /// <summary>
    /// OpenTelemetry traces (requests, outgoing HTTP, EF Core) and metrics (ASP.NET Core, HTTP, runtime and
    /// PmfBot's own meter), exported over OTLP, but only when an endpoint is configured: by default the
    /// SDK is not even registered, nothing is collected beyond the bare counters and nothing leaves the machine.
    /// </summary>
    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddSettings<TelemetryOptions>(TelemetryOptions.Section);
        // Read now as well: without an endpoint the OpenTelemetry SDK is not registered at all.
        var options = builder.Configuration.ReadSettings<TelemetryOptions>(TelemetryOptions.Section);
        var ownEndpoint = options.HasValidEndpoint && !string.IsNullOrWhiteSpace(options.OtlpEndpoint);
        if (!ownEndpoint && string.IsNullOrWhiteSpace(builder.Configuration[TelemetryOptions.StandardEndpointVariable]))
        {
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? options.ServiceName))
            .WithTracing(tracing => tracing
                // Probes every few seconds would drown the requests people make.
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !HealthEndpoints.IsProbe(http.Request.Path))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation())
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(PmfMeter.Name));

        // Telemetry:OtlpEndpoint wins; otherwise the exporter reads the standard OTEL_EXPORTER_OTLP_* settings itself.
        if (ownEndpoint)
        {
            var protocol = options.OtlpProtocol == "http/protobuf" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
            telemetry.UseOtlpExporter(protocol, new Uri(options.OtlpEndpoint!));
        }
        else
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }
}
