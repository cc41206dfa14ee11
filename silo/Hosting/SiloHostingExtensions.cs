using System.Net;
using Amas.Orleans.Agents.Journal;
using Amas.Orleans.Hosting;
using Amas.Orleans.Orchestration.Index;
using Amas.Orleans.Silo.Persistence;
using Amas.Orleans.Uploads;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
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
                foreach (var name in new[] { StorageNames.Tasks, StorageNames.Agents })
                {
                    // Orleans' own serializer, as with PostgreSQL: the provider's JSON default (Newtonsoft with type
                    // names) was most of what a task allocated in the embedded default.
                    silo.AddMemoryGrainStorage(name, storage => storage.Configure<Serializer>((o, serializer) =>
                        o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer)));
                }

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

    /// <summary>Replaces the registration of a storage service with <paramref name="wrap"/> around it.</summary>
    private static void Observe<TService>(IServiceCollection services, string? key, Func<TService, StorageHealth, TService> wrap)
        where TService : class
    {
        var original = services.LastOrDefault(d => d.ServiceType == typeof(TService) && Equals(d.IsKeyedService ? d.ServiceKey : null, key))
            ?? throw new InvalidOperationException($"No {typeof(TService).Name} '{key}' is registered to observe.");
        services.Remove(original);
        if (key is null)
        {
            services.AddSingleton(sp => wrap(Create(original, sp, null), sp.GetRequiredService<StorageHealth>()));
        }
        else
        {
            services.AddKeyedSingleton(key, (sp, k) => wrap(Create(original, sp, k), sp.GetRequiredService<StorageHealth>()));
        }

        static TService Create(ServiceDescriptor original, IServiceProvider services, object? key) => (TService)(original switch
        {
            { IsKeyedService: true, KeyedImplementationFactory: { } factory } => factory(services, key),
            { IsKeyedService: true, KeyedImplementationInstance: { } instance } => instance,
            { IsKeyedService: true, KeyedImplementationType: { } type } => ActivatorUtilities.CreateInstance(services, type),
            { ImplementationFactory: { } factory } => factory(services),
            { ImplementationInstance: { } instance } => instance,
            { ImplementationType: { } type } => ActivatorUtilities.CreateInstance(services, type),
            _ => throw new InvalidOperationException($"The registration of {typeof(TService).Name} cannot be wrapped."),
        });
    }

    /// <summary>Grain state, reminders, the task index and uploads in PostgreSQL (the schema of <c>silo migrate</c>).</summary>
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
            Observe<IGrainStorage>(silo.Services, name, (inner, health) => new ObservedGrainStorage(inner, health));
        }

        silo.UseAdoNetReminderService(o => { o.Invariant = AdoNetInvariant; o.ConnectionString = connectionString; });
        Observe<IReminderTable>(silo.Services, key: null, (inner, health) => new ObservedReminderTable(inner, health));
        // Orleans logs every failed storage call (the provider, the reminder service, and the state bridge under the
        // storage's type name); StorageHealth now sees those calls and logs an outage once.
        silo.Services.Configure<LoggerFilterOptions>(filters =>
        {
            filters.Rules.Add(new LoggerFilterRule(null, typeof(ObservedGrainStorage).FullName, LogLevel.Critical, null));
            filters.Rules.Add(new LoggerFilterRule(null, "Orleans.Storage.AdoNetGrainStorage", LogLevel.Critical, null));
            filters.Rules.Add(new LoggerFilterRule(null, "Orleans.Runtime.ReminderService.LocalReminderService", LogLevel.Critical, null));
        });
        silo.Services.TryAddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        silo.Services.Replace(ServiceDescriptor.Singleton<ITaskIndex, PostgresTaskIndex>());
        silo.Services.Replace(ServiceDescriptor.Singleton<IAgentRunJournal, PostgresAgentRunJournal>());
        silo.Services.Replace(ServiceDescriptor.Singleton<IStorageProbe, PostgresStorageProbe>());
        silo.Services.Replace(ServiceDescriptor.Singleton<IUploadStore, PostgresUploadStore>());
        return silo;
    }
}
