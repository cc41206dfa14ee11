namespace Amas.Orleans.Gateway.Security.ApiKeys;

/// <summary>API keys in this process only (the embedded default): lost when it exits.</summary>
public sealed class InMemoryApiKeyStore : IApiKeyStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, ApiKeyRecord> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _idByHash = new(StringComparer.Ordinal);

    public Task AddAsync(ApiKeyRecord key, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_byId.ContainsKey(key.Id) || _idByHash.ContainsKey(key.KeyHash))
            {
                throw new InvalidOperationException($"An API key with id {key.Id} or the same hash exists already.");
            }

            _byId.Add(key.Id, key);
            _idByHash.Add(key.KeyHash, key.Id);
        }

        return Task.CompletedTask;
    }

    public Task<ApiKeyRecord?> FindByHashAsync(string keyHash, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_idByHash.TryGetValue(keyHash, out var id) ? _byId[id] : null);
        }
    }

    public Task<ApiKeyRecord?> RevokeAsync(string id, string revokedBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_byId.TryGetValue(id, out var key))
            {
                return Task.FromResult<ApiKeyRecord?>(null);
            }

            if (key.RevokedAt is null)
            {
                _byId[id] = key = key with { RevokedAt = at, RevokedBy = revokedBy };
            }

            return Task.FromResult<ApiKeyRecord?>(key);
        }
    }

    public Task<IReadOnlyList<ApiKeyRecord>> ListAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<ApiKeyRecord>>(
                [.. _byId.Values.OrderByDescending(k => k.CreatedAt).ThenByDescending(k => k.Id, StringComparer.Ordinal)]);
        }
    }
}
