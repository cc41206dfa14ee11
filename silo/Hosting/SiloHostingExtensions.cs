using Amas.Orleans.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace Amas.Orleans.Silo.Hosting;

public static class SiloHostingExtensions
{
    /// <summary>
    /// Makes this process a silo: cluster membership and storage by configuration, the grains, the dashboard's
    /// statistics, trace propagation. The options are validated here, before the host starts, so a bad value stops
    /// the process with a message naming the key.
    /// </summary>
    public static IHostApplicationBuilder AddAmasSilo(this IHostApplicationBuilder builder, Action<ISiloBuilder>? configure = null)
    {
        var options = new SiloHostOptions();
        builder.Configuration.GetSection(SiloHostOptions.SectionName).Bind(options);
        var validation = new SiloHostOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(SiloHostOptions.SectionName, typeof(SiloHostOptions), validation.Failures);
        }

        builder.Services.AddSingleton(Options.Create(options));
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(cluster =>
            {
                cluster.ServiceId = options.ServiceId;
                cluster.ClusterId = options.ClusterId;
            });

            // Embedded and development: one machine, state in memory. Production modes join here as they land.
            silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
            silo.AddMemoryGrainStorage(StorageNames.Tasks);
            silo.AddMemoryGrainStorage(StorageNames.Agents);

            silo.AddAmasGrains(builder.Configuration);
            silo.AddActivityPropagation();
            if (options.Dashboard)
            {
                silo.AddDashboard();
            }

            configure?.Invoke(silo);
        });

        return builder;
    }
}
