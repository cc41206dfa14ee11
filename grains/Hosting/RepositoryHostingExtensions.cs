using Amas.Orleans.Repositories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Amas.Orleans.Hosting;

internal static class RepositoryHostingExtensions
{
    public static IServiceCollection AddAmasRepositories(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }
}
