using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Amas.Orleans.Agents.Registry;

public static class AgentRegistrationExtensions
{
    /// <summary>Registers an agent; the registry, the decision engine and placement pick it up by its descriptor.</summary>
    public static IServiceCollection AddAgent<TAgent>(this IServiceCollection services)
        where TAgent : class, IAgent
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAgent, TAgent>());
        return services;
    }
}
