using Amas.Orleans.Repositories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Hosting;

internal static class RepositoryHostingExtensions
{
    /// <summary>
    /// Repository access. Singletons: the checkout cache keeps one lock per (URL, commit) for the whole silo, so
    /// concurrent agents of one task share one clone.
    /// </summary>
    public static IServiceCollection AddAmasRepositories(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RepositoryOptions>()
            .Bind(configuration.GetSection(RepositoryOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RepositoryOptions>, RepositoryOptionsValidator>());
        services.TryAddSingleton<RepositoryWalker>();
        services.TryAddSingleton<RepositoryTargetValidator>();
        services.TryAddSingleton<IRepositoryCheckouts, GitRepositoryCheckouts>();
        return services;
    }
}
