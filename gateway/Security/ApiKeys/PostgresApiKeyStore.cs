using Npgsql;

namespace Amas.Orleans.Gateway.Security.ApiKeys;

/// <summary>API keys in PostgreSQL (<c>api_keys</c>, migration 0004), shared by every gateway of the cluster.</summary>
public sealed class PostgresApiKeyStore(SecurityDatabase database) : IApiKeyStore
{
    private const string Columns = "id, key_hash, hint, owner, role, created_at, created_by, revoked_at, revoked_by";

    public async Task AddAsync(ApiKeyRecord key, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand($"""
            INSERT INTO api_keys ({Columns})
            VALUES (@id, @key_hash, @hint, @owner, @role, @created_at, @created_by, NULL, NULL)
            """);
        command.Parameters.AddWithValue("id", key.Id);
        command.Parameters.AddWithValue("key_hash", key.KeyHash);
        command.Parameters.AddWithValue("hint", key.Hint);
        command.Parameters.AddWithValue("owner", key.Owner);
        command.Parameters.AddWithValue("role", key.Role);
        command.Parameters.AddWithValue("created_at", key.CreatedAt);
        command.Parameters.AddWithValue("created_by", key.CreatedBy);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<ApiKeyRecord?> FindByHashAsync(string keyHash, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand($"SELECT {Columns} FROM api_keys WHERE key_hash = @key_hash");
        command.Parameters.AddWithValue("key_hash", keyHash);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<ApiKeyRecord?> RevokeAsync(string id, string revokedBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // COALESCE keeps the first revocation: revoking twice is not an error, and history is not rewritten.
        await using var command = database.DataSource.CreateCommand($"""
            UPDATE api_keys SET revoked_at = COALESCE(revoked_at, @at), revoked_by = COALESCE(revoked_by, @by)
            WHERE id = @id
            RETURNING {Columns}
            """);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("at", at);
        command.Parameters.AddWithValue("by", revokedBy);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<ApiKeyRecord>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand($"SELECT {Columns} FROM api_keys ORDER BY created_at DESC, id DESC");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var keys = new List<ApiKeyRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(Read(reader));
        }

        return keys;
    }

    private static ApiKeyRecord Read(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetString(0),
        KeyHash = reader.GetString(1),
        Hint = reader.GetString(2),
        Owner = reader.GetString(3),
        Role = reader.GetString(4),
        CreatedAt = reader.GetFieldValue<DateTimeOffset>(5),
        CreatedBy = reader.GetString(6),
        RevokedAt = reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
        RevokedBy = reader.IsDBNull(8) ? null : reader.GetString(8),
    };
}
