using Amas.Orleans.Agents.Registry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Analysis.Osint;

public static class OsintServiceCollectionExtensions
{
    /// <summary>
    /// Options (section <see cref="OsintOptions.SectionName"/>), the guarded HttpClient with the standard resilience
    /// handler, the host resolver (DNS unless one is registered first) and the OSINT agent. Register an
    /// <see cref="IOsintInputs"/> (and optionally an <see cref="IOsintReportSink"/>) for the agent to get work.
    /// </summary>
    public static IServiceCollection AddOsintAgent(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<OsintOptions>()
            .Bind(configuration.GetSection(OsintOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OsintOptions>, OsintOptionsValidator>());
        services.AddOsintHttpClient();
        services.AddAgent<Agents.OsintAgent>();
        return services;
    }

    /// <summary>The named client <see cref="OsintOptions.HttpClientName"/>; options must be registered separately.</summary>
    public static IServiceCollection AddOsintHttpClient(this IServiceCollection services)
    {
        services.TryAddSingleton<IHostResolver>(DnsHostResolver.Instance);
        services.AddHttpClient(OsintOptions.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var options = sp.GetRequiredService<IOptions<OsintOptions>>().Value;
                return GuardedConnection.CreateHandler(
                    AddressPolicy.From(options),
                    sp.GetRequiredService<IHostResolver>(),
                    TimeSpan.FromSeconds(options.RequestTimeoutSeconds));
            })
            .AddStandardResilienceHandler()
            // One pipeline (and circuit breaker) per site, so one failing site does not stop the others.
            .SelectPipelineByAuthority()
            .Configure((HttpStandardResilienceOptions resilience, IServiceProvider sp) =>
            {
                var options = sp.GetRequiredService<IOptions<OsintOptions>>().Value;
                var perAttempt = TimeSpan.FromSeconds(options.RequestTimeoutSeconds);
                resilience.AttemptTimeout.Timeout = perAttempt;
                resilience.TotalRequestTimeout.Timeout = (perAttempt * 3) + TimeSpan.FromSeconds(10);
                resilience.CircuitBreaker.SamplingDuration = perAttempt * 2;
                resilience.Retry.MaxRetryAttempts = 2;
                // A refused address stays refused: retrying it only repeats the lookup.
                var transient = resilience.Retry.ShouldHandle;
                resilience.Retry.ShouldHandle = args =>
                    PageFetcher.FindRefusal(args.Outcome.Exception) is not null ? ValueTask.FromResult(false) : transient(args);
            });
        return services;
    }
}
