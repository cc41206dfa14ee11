namespace Amas.Orleans.Providers;

/// <summary>
/// One AI provider deployment, keyed by its id (<c>deepseek</c>, <c>groq2</c>, a custom id…). Reentrant: one
/// activation serves many calls at once and keeps the provider's health. It never retries: the router does.
/// </summary>
[Alias("amas.IProviderGrain")]
public interface IProviderGrain : IGrainWithStringKey
{
    /// <summary>
    /// One chat completion. The provider's own timeout (or the request's, when shorter) is enforced inside; the
    /// response timeout here only has to stay above the longest one a deployment may configure.
    /// </summary>
    [Alias("Complete"), ResponseTimeout("00:11:00")]
    Task<ProviderCallResult> CompleteAsync(ProviderRequest request, CancellationToken cancellationToken = default);

    [Alias("GetHealth")]
    ValueTask<ProviderHealth> GetHealthAsync();

    /// <summary>Forgets the health (circuit, rate limit, misconfiguration), for an operator after fixing a key.</summary>
    [Alias("Reset")]
    Task ResetAsync();
}
