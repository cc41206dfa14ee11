namespace Amas.Orleans.Silo.Hosting;

/// <summary>
/// Where telemetry goes (configuration section <c>Amas:Telemetry</c>). Traces, metrics and logs are exported over
/// OTLP only when an endpoint is set here or in the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.
/// </summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Amas:Telemetry";
    public const string StandardEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string StandardServiceNameKey = "OTEL_SERVICE_NAME";

    public static readonly IReadOnlyList<string> Protocols = ["grpc", "http/protobuf"];

    /// <summary>The OTLP collector, e.g. <c>http://otel-collector:4317</c>; wins over <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>grpc</c> (port 4317 by convention) or <c>http/protobuf</c> (4318), for <see cref="OtlpEndpoint"/>.</summary>
    public string OtlpProtocol { get; set; } = "grpc";

    /// <summary>The <c>service.name</c> resource attribute; <c>OTEL_SERVICE_NAME</c> wins; default per host.</summary>
    public string? ServiceName { get; set; }
}
