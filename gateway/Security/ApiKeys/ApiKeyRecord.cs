namespace Amas.Orleans.Gateway.Security.ApiKeys;

/// <summary>
/// An API key as stored: its SHA-256, never the key. <see cref="Hint"/> is the key's first characters, enough for
/// a person to tell their keys apart and useless to an attacker.
/// </summary>
public sealed record ApiKeyRecord
{
    public required string Id { get; init; }
    public required string KeyHash { get; init; }
    public required string Hint { get; init; }
    public required string Owner { get; init; }
    public required string Role { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
    public string? RevokedBy { get; init; }
}
