using System.Net;
using Amas.Orleans.Hosting;
using Amas.Orleans.Orchestration.Index;
using Amas.Orleans.Silo.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.Dashboard;

namespace Amas.Orleans.Silo.Hosting;

public static class SiloHostingExtensions
{
    private const string AdoNetInvariant = "Npgsql";

    /// <summary>
    /// Makes this process a silo: cluster membership and storage by configuration, the grains, the dashboard's
    /// statistics, trace propagation and OpenTelemetry. The options are validated here, before the host starts, so a
    /// bad value stops the process with a message naming the key.
    /// </summary>
    public static IHostApplicationBuilder AddAmasSilo(this IHostApplicationBuilder builder, Action<ISiloBuilder>? configure = null)
    {
        var configuration = builder.Configuration;
        var options = new SiloHostOptions();
        configuration.GetSection(SiloHostOptions.SectionName).Bind(options);
        var validation = new SiloHostOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(SiloHostOptions.SectionName, typeof(SiloHostOptions), validation.Failures);
        }

        var redis = options.Clustering.Equals("redis", StringComparison.OrdinalIgnoreCase)
            ? ConnectionStrings.Require(configuration, ConnectionStrings.RedisKey, "with Redis clustering")
            : null;
        var postgres = options.Persistence.Equals("postgres", StringComparison.OrdinalIgnoreCase)
            ? ConnectionStrings.Require(configuration, ConnectionStrings.PostgresKey, "with PostgreSQL persistence")
            : null;

        builder.Services.AddSingleton(Options.Create(options));
        builder.AddAmasTelemetry("amas-silo");
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(cluster =>
            {
                cluster.ServiceId = options.ServiceId;
                cluster.ClusterId = options.ClusterId;
            });
            // Failure detection is tunable (Amas:Silo:Membership:ProbeTimeout, NumMissedProbesLimit, …): it bounds how
            // fast the tasks of a dead silo come back.
            silo.Services.Configure<ClusterMembershipOptions>(configuration.GetSection($"{SiloHostOptions.SectionName}:Membership"));

            if (redis is null)
            {
                silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
            }
            else
            {
                silo.ConfigureEndpoints(IPAddress.Parse(options.AdvertisedAddress), options.SiloPort, options.GatewayPort);
                silo.UseRedisClustering(redis);
                if (options.Kubernetes)
                {
                    silo.UseKubernetesHosting();
                }
            }

            if (postgres is null)
            {
                silo.AddMemoryGrainStorage(StorageNames.Tasks);
                silo.AddMemoryGrainStorage(StorageNames.Agents);
                silo.UseInMemoryReminderService();
            }
            else
            {
                silo.AddAmasPostgres(postgres);
            }

            silo.AddAmasGrains(configuration);
            silo.AddActivityPropagation();
            if (options.Dashboard)
            {
                silo.AddDashboard();
            }

            configure?.Invoke(silo);
        });

        return builder;
    }

    /// <summary>Grain state, reminders and the task index in PostgreSQL (the schema of <c>silo migrate</c>).</summary>
    public static ISiloBuilder AddAmasPostgres(this ISiloBuilder silo, string connectionString)
    {
        foreach (var name in new[] { StorageNames.Tasks, StorageNames.Agents })
        {
            // Orleans' own serializer, not the provider's JSON default: state types are [GenerateSerializer] with
            // stable [Id]s, so a state written by an older silo reads on a newer one (rolling upgrades), and records
            // with init-only members round-trip exactly.
            silo.AddAdoNetGrainStorage(name, storage => storage.Configure<Serializer>((o, serializer) =>
            {
                o.Invariant = AdoNetInvariant;
                o.ConnectionString = connectionString;
                o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
            }));
        }

        silo.UseAdoNetReminderService(o => { o.Invariant = AdoNetInvariant; o.ConnectionString = connectionString; });
        silo.Services.TryAddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        silo.Services.Replace(ServiceDescriptor.Singleton<ITaskIndex, PostgresTaskIndex>());
        silo.Services.Replace(ServiceDescriptor.Singleton<IStorageProbe, PostgresStorageProbe>());
        return silo;
    }
}
