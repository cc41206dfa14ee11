using System.Text.Json;
using System.Text.Json.Serialization;
using Amas.Orleans.Gateway.OpenApi;
using Amas.Orleans.Gateway.Problems;
using Amas.Orleans.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace Amas.Orleans.Gateway.Hosting;

public static class GatewayHostingExtensions
{
    /// <summary>
    /// The gateway's services: its way into the cluster (embedded silo or Orleans client), OpenTelemetry, snake_case
    /// JSON, problem details for every error, health checks and the OpenAPI document.
    /// </summary>
    public static WebApplicationBuilder AddAmasGateway(this WebApplicationBuilder builder, Action<ISiloBuilder>? configureSilo = null)
    {
        var options = new GatewayOptions();
        builder.Configuration.GetSection(GatewayOptions.SectionName).Bind(options);
        if (!GatewayOptions.ClusterModes.Contains(options.Cluster, StringComparer.OrdinalIgnoreCase))
        {
            throw new OptionsValidationException(GatewayOptions.SectionName, typeof(GatewayOptions),
                [$"{GatewayOptions.SectionName}:Cluster is '{options.Cluster}'; valid values: {string.Join(", ", GatewayOptions.ClusterModes)}."]);
        }

        if (!GatewayOptions.ClusteringModes.Contains(options.Clustering, StringComparer.OrdinalIgnoreCase))
        {
            throw new OptionsValidationException(GatewayOptions.SectionName, typeof(GatewayOptions),
                [$"{GatewayOptions.SectionName}:Clustering is '{options.Clustering}'; valid values: {string.Join(", ", GatewayOptions.ClusteringModes)}."]);
        }

        builder.Services.AddSingleton(options);
        builder.AddAmasTelemetry("amas-gateway");
        if (options.IsEmbedded)
        {
            AllowWorkingDirectoryWhenNoRootIsConfigured(builder);
            builder.AddAmasSilo(configureSilo);
        }
        else
        {
            builder.UseOrleansClient(client =>
            {
                client.Configure<ClusterOptions>(cluster =>
                {
                    cluster.ServiceId = options.ServiceId;
                    cluster.ClusterId = options.ClusterId;
                });
                if (options.Clustering.Equals("redis", StringComparison.OrdinalIgnoreCase))
                {
                    client.UseRedisClustering(ConnectionStrings.Require(builder.Configuration, ConnectionStrings.RedisKey, "with Redis clustering"));
                }
                else
                {
                    client.UseLocalhostClustering(options.SiloGatewayPorts.ToArray(), options.ServiceId, options.ClusterId);
                }

                client.Configure<ClientMessagingOptions>(messaging => messaging.ResponseTimeout = options.CallTimeout);
                client.AddActivityPropagation();
                client.AddDashboard();
            });
        }

        builder.Services.ConfigureHttpJsonOptions(json => Configure(json.SerializerOptions));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<GrainExceptionHandler>();
        builder.Services.AddAmasHealthChecks();
        builder.Services.AddAmasOpenApi();
        return builder;
    }

    /// <summary>
    /// The embedded default analyses local paths; with no allowed root configured it allows the directory it was
    /// started from (a clone, usually), and says so at startup. Configured roots always win.
    /// </summary>
    private static void AllowWorkingDirectoryWhenNoRootIsConfigured(WebApplicationBuilder builder)
    {
        var roots = builder.Configuration.GetSection("Amas:Repositories:AllowedRoots").Get<string[]>();
        if (roots is { Length: > 0 })
        {
            return;
        }

        var cwd = Directory.GetCurrentDirectory();
        builder.Configuration.AddInMemoryCollection([new("Amas:Repositories:AllowedRoots:0", cwd)]);
        EmbeddedDefaults.AllowedRoot = cwd;
    }

    public static void Configure(JsonSerializerOptions json)
    {
        json.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        json.DictionaryKeyPolicy = null;
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        json.MaxDepth = 32;
    }
}
