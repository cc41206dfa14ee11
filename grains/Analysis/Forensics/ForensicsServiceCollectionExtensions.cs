using Amas.Orleans.Agents.Registry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Analysis.Forensics;

public static class ForensicsServiceCollectionExtensions
{
    /// <summary>
    /// Options (section <see cref="ForensicsOptions.SectionName"/>) and the forensics agent. Register an
    /// <see cref="IForensicsInputs"/> (and optionally an <see cref="IForensicsReportSink"/>) for the agent to get work.
    /// </summary>
    public static IServiceCollection AddForensicsAgent(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ForensicsOptions>()
            .Bind(configuration.GetSection(ForensicsOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ForensicsOptions>, ForensicsOptionsValidator>());
        services.AddAgent<Agents.ForensicsAgent>();
        return services;
    }
}
