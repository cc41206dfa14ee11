using Amas.Orleans.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Amas.Orleans.Silo.Hosting;

public static class TelemetryHostingExtensions
{
    /// <summary>Orleans' grain-call spans (with <c>AddActivityPropagation</c> on silo and client) and its meter.</summary>
    public const string OrleansApplicationSource = "Microsoft.Orleans.Application";
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>
    /// OpenTelemetry for every host, silo and gateway alike: Amas and Orleans spans, ASP.NET Core and HttpClient
    /// spans, Amas, Orleans, ASP.NET Core and HttpClient metrics. Tracing is always on, so log lines carry the trace
    /// id even with nothing exported; OTLP export of traces, metrics and logs starts when an endpoint is configured.
    /// Calling it twice (the embedded gateway, then its silo) registers it once, with the first caller's name.
    /// </summary>
    public static IHostApplicationBuilder AddAmasTelemetry(this IHostApplicationBuilder builder, string defaultServiceName)
    {
        if (builder.Services.Any(d => d.ServiceType == typeof(TelemetryOptions)))
        {
            return builder;
        }

        var configuration = builder.Configuration;
        var options = new TelemetryOptions();
        configuration.GetSection(TelemetryOptions.SectionName).Bind(options);
        var endpoint = Validate(options);
        builder.Services.AddSingleton(options);

        var serviceName = configuration[TelemetryOptions.StandardServiceNameKey] is { Length: > 0 } standard
            ? standard
            : options.ServiceName ?? defaultServiceName;
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName, serviceInstanceId: $"{Environment.MachineName}:{Environment.ProcessId}"))
            .WithTracing(tracing => tracing
                .AddSource([.. AmasTelemetry.ActivitySourceNames, OrleansApplicationSource])
                .AddAspNetCoreInstrumentation(http => http.Filter = context => !IsProbeOrDashboard(context.Request.Path))
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(AmasTelemetry.MeterName, OrleansMeter)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation());

        if (endpoint is not null || !string.IsNullOrWhiteSpace(configuration[TelemetryOptions.StandardEndpointKey]))
        {
            telemetry.WithLogging(_ => { }, logs =>
            {
                logs.IncludeScopes = true;
                logs.IncludeFormattedMessage = true;
            });
            // Without our own key, UseOtlpExporter() reads OTEL_EXPORTER_OTLP_ENDPOINT, _PROTOCOL, _HEADERS… the standard way.
            _ = endpoint is null
                ? telemetry.UseOtlpExporter()
                : telemetry.UseOtlpExporter(options.OtlpProtocol == "grpc" ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf, endpoint);
        }

        return builder;
    }

    /// <summary>Health probes and the dashboard's polling would drown the traces people look for.</summary>
    private static bool IsProbeOrDashboard(Microsoft.AspNetCore.Http.PathString path)
        => path.StartsWithSegments("/health") || path.StartsWithSegments("/dashboard");

    private static Uri? Validate(TelemetryOptions options)
    {
        var errors = new List<string>();
        if (!TelemetryOptions.Protocols.Contains(options.OtlpProtocol, StringComparer.Ordinal))
        {
            errors.Add($"{TelemetryOptions.SectionName}:OtlpProtocol is '{options.OtlpProtocol}'; valid values: {string.Join(", ", TelemetryOptions.Protocols)}.");
        }

        Uri? endpoint = null;
        if (!string.IsNullOrWhiteSpace(options.OtlpEndpoint)
            && (!Uri.TryCreate(options.OtlpEndpoint, UriKind.Absolute, out endpoint) || endpoint.Scheme is not ("http" or "https")))
        {
            errors.Add($"{TelemetryOptions.SectionName}:OtlpEndpoint is '{options.OtlpEndpoint}'; give an absolute http(s) URL such as http://otel-collector:4317.");
        }

        if (errors.Count > 0)
        {
            throw new OptionsValidationException(TelemetryOptions.SectionName, typeof(TelemetryOptions), errors);
        }

        return endpoint;
    }
}
