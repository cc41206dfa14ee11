namespace Amas.Orleans.Providers;

/// <summary>
/// Picks providers by strategy and fails over between them. A stateless worker: call it with key 0; its cursor,
/// health cache and de-duplication are shared by the activations of one silo.
/// </summary>
[Alias("amas.IProviderRouterGrain")]
public interface IProviderRouterGrain : IGrainWithIntegerKey
{
    /// <summary>Never throws for provider failures: they are in the response's attempts and error.</summary>
    [Alias("Generate"), ResponseTimeout("00:11:00")]
    Task<GenerateResponse> GenerateAsync(GenerateRequest request, CancellationToken cancellationToken = default);

    /// <summary>Every provider, configured or not, with fresh health.</summary>
    [Alias("GetProviders")]
    Task<IReadOnlyList<ProviderHealth>> GetProvidersAsync();
}
