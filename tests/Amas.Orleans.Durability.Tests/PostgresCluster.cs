using Amas.Orleans.Hosting;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace Amas.Orleans.Durability.Tests;

/// <summary>A one-silo in-process cluster whose grain storage and reminders are Orleans' ADO.NET providers on one database.</summary>
internal static class PostgresCluster
{
    public static async Task<InProcessTestCluster> StartAsync(string connectionString, bool deleteStateOnClear = false)
    {
        var builder = new InProcessTestClusterBuilder(1);

        // Rows are keyed by ServiceId; the test host picks a random one per cluster, which would hide the state a
        // previous cluster on the same database wrote.
        builder.Options.ServiceId = "amas-durability-tests";
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddAdoNetGrainStorage(StorageNames.Tasks, options =>
            {
                options.Invariant = "Npgsql";
                options.ConnectionString = connectionString;
                options.DeleteStateOnClear = deleteStateOnClear;
            });
            silo.UseAdoNetReminderService(options =>
            {
                options.Invariant = "Npgsql";
                options.ConnectionString = connectionString;
            });
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
