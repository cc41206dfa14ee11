using Amas.Orleans.Learning;
using Amas.Orleans.Providers.Budgets;
using Amas.Orleans.Providers.Client;
using Amas.Orleans.Providers.Configuration;
using Amas.Orleans.Providers.Routing;
using Amas.Orleans.Providers.Safety;
using Amas.Orleans.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Providers;

public static class ProvidersServiceCollectionExtensions
{
    /// <summary>
    /// What the provider and router grains need on a silo: <c>Amas:Providers</c> bound and validated at start, the
    /// provider catalog (keys from <paramref name="configuration"/>, which on a host includes the environment), the
    /// HTTP client, and the router's per-silo cursor, health cache, de-duplication, response cache and budgets. The providers read the
    /// <see cref="TimeProvider"/> keyed <see cref="ProviderServices.ClockKey"/> (the registered one, else the system clock).
    /// </summary>
    public static IServiceCollection AddAmasProviders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProvidersOptions>()
            .Bind(configuration.GetSection(ProvidersOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ProvidersOptions>>(new ProvidersOptionsValidator(configuration)));

        services.TryAddKeyedSingleton(ProviderServices.ClockKey, (sp, _) => sp.GetService<TimeProvider>() ?? TimeProvider.System);
        services.TryAddSingleton(sp => new ProviderCatalog(sp.GetRequiredService<IOptions<ProvidersOptions>>(), configuration));

        // The provider grain enforces each provider's own timeout, and the router owns retries: the client has
        // neither a timeout of its own nor a resilience handler.
        services.AddHttpClient(ProviderChatClients.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                ConnectTimeout = TimeSpan.FromSeconds(10),
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            });
        services.TryAddSingleton<ProviderChatClients>();
        services.TryAddSingleton<ChatCompletionClient>();

        services.TryAddSingleton<ProviderHealthCache>();
        services.TryAddSingleton<RequestDeduplicator>();
        services.TryAddSingleton<RoundRobinCursors>();
        services.TryAddSingleton(_ => new PromptSecretRedactor());
        services.TryAddSingleton<ProviderPromptBuilder>();
        services.TryAddSingleton<AiBudgets>();
        services.TryAddSingleton<ResponseCache>();
        services.TryAddSingleton<ProviderRouter>();
        services.AddMetrics();
        services.TryAddSingleton<ProviderMetrics>();
        services.AddHostedService<ProviderStartupReport>();
        // The router tallies every call for the LearningSystem and reads its provider history (intelligent strategy).
        services.AddAmasLearning(configuration);
        return services;
    }
}
