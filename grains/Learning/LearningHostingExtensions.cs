using Amas.Orleans.Monitoring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Amas.Orleans.Learning;

public static class LearningHostingExtensions
{
    /// <summary>
    /// The per-silo ledgers behind the LearningSystem and the WorkflowMonitor, the router's copy of the provider
    /// history, and the flush that adds the ledgers up cluster-wide. Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddAmasLearning(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LearningOptions>()
            .Bind(configuration.GetSection(LearningOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<WorkflowMonitorOptions>()
            .Bind(configuration.GetSection(WorkflowMonitorOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<LearningLedger>();
        services.TryAddSingleton<WorkflowLedger>();
        services.TryAddSingleton<ProviderHistory>();
        services.AddHostedService<ClusterViewFlusher>();
        return services;
    }
}
