namespace Amas.Orleans.Gateway.Security.ApiKeys;

/// <summary>Where API keys are kept: PostgreSQL (<c>api_keys</c>) shared by every gateway, or this process's memory.</summary>
public interface IApiKeyStore
{
    Task AddAsync(ApiKeyRecord key, CancellationToken cancellationToken);

    /// <summary>The key with this hash, revoked or not; null when there is none.</summary>
    Task<ApiKeyRecord?> FindByHashAsync(string keyHash, CancellationToken cancellationToken);

    /// <summary>Revokes the key and returns it; null when no key has this id. Revoking a revoked key keeps the first revocation.</summary>
    Task<ApiKeyRecord?> RevokeAsync(string id, string revokedBy, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Every key, newest first.</summary>
    Task<IReadOnlyList<ApiKeyRecord>> ListAsync(CancellationToken cancellationToken);
}
