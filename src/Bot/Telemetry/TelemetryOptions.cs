namespace PmfBot.Bot.Telemetry;

/// <summary>
/// Where traces and metrics go, section `Telemetry`. Nothing is exported unless an OTLP endpoint is
/// set here or in the standard `OTEL_EXPORTER_OTLP_ENDPOINT` variable.
/// </summary>
public sealed class TelemetryOptions : PmfBot.Domain.Settings.ISettings
{
    public const string Section = "Telemetry";

    /// <summary>The standard OpenTelemetry variable, honoured as the exporter's own documentation says.</summary>
    public const string StandardEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The collector's OTLP address, e.g. http://otel-collector:4317 (gRPC) or http://otel-collector:4318 (HTTP).</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>`grpc` (default) or `http/protobuf`, as OTEL_EXPORTER_OTLP_PROTOCOL spells them.</summary>
    public string OtlpProtocol { get; set; } = "grpc";

    /// <summary>The service.name resource attribute (OTEL_SERVICE_NAME, if set, wins).</summary>
    public string ServiceName { get; set; } = "pmfbot";

    public bool HasValidEndpoint =>
        string.IsNullOrWhiteSpace(OtlpEndpoint)
        || (Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps));

    public bool HasValidProtocol => OtlpProtocol is "grpc" or "http/protobuf";

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!HasValidEndpoint)
        {
            problems.Add("OtlpEndpoint must be an absolute http or https address.");
        }

        if (!HasValidProtocol)
        {
            problems.Add("OtlpProtocol must be grpc or http/protobuf.");
        }

        return problems;
    }
}
