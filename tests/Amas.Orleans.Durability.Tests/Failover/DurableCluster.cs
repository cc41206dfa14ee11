using System.Reflection;
using Amas.Orleans.Agents;
using Amas.Orleans.Hosting;
using Amas.Orleans.Silo.Hosting;
using Amas.Orleans.Testing.Servers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace Amas.Orleans.Durability.Tests.Failover;

/// <summary>
/// Silos in this process configured as production configures them for a durable cluster: Redis membership, and
/// grain state, reminders and the task index in PostgreSQL (the same <c>AddAmasPostgres</c> the silo host uses),
/// with quick failure detection. Two counting agents join the real ones.
/// </summary>
internal static class DurableCluster
{
    public const string SlowCounter = "SlowCounter";
    public const string LateCounter = "LateCounter";
    public const string ServiceId = "amas-failover-tests";

    /// <param name="redis">Membership in Redis; null keeps the test harness's in-memory membership.</param>
    /// <param name="logs">Receives every log line of every silo, when given.</param>
    public static async Task<InProcessTestCluster> StartAsync(short silos, RedisServer? redis, string postgres, string root, string clusterId, ILoggerProvider? logs = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Amas:Repositories:AllowedRoots:0"] = root,
                ["Amas:Repositories:CacheDirectory"] = Path.Combine(root, ".checkouts"),
                ["Amas:Orchestrator:DeadlineCheckInterval"] = "00:00:00.250",
                ["Amas:Orchestrator:AgentPollInterval"] = "00:00:01",
            })
            .Build();

        var builder = new InProcessTestClusterBuilder(silos);
        builder.Options.ServiceId = ServiceId;
        builder.Options.ClusterId = clusterId;
        if (redis is not null)
        {
            // The harness otherwise keeps membership in its own in-memory table; the property is internal in 10.4, and
            // this test is about Redis membership, so it is switched off here (the assertion on Redis keys checks it).
            typeof(InProcessTestClusterOptions)
                .GetProperty("UseTestClusterMembership", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)!
                .SetValue(builder.Options, false);
        }

        if (logs is not null)
        {
            builder.ConfigureSiloHost((_, host) => host.Logging.AddProvider(logs));
        }

        builder.ConfigureSilo((_, silo) =>
        {
            if (redis is not null)
            {
                silo.UseRedisClustering(redis.ConnectionString);
            }

            silo.Configure<ClusterMembershipOptions>(m =>
            {
                m.ProbeTimeout = TimeSpan.FromSeconds(1);
                m.NumMissedProbesLimit = 2;
                m.NumVotesForDeathDeclaration = 1;
                m.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(2);
            });
            silo.AddAmasPostgres(postgres);
            silo.AddAmasGrains(configuration);
            silo.Services.AddSingleton<IAgent>(new CountingAgent(SlowCounter, 1, "documentation", TimeSpan.FromSeconds(4), postgres));
            silo.Services.AddSingleton<IAgent>(new CountingAgent(LateCounter, 2, "findings", TimeSpan.FromMilliseconds(300), postgres));
        });
        if (redis is not null)
        {
            builder.ConfigureClient(client => client.UseRedisClustering(redis.ConnectionString));
        }

        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
