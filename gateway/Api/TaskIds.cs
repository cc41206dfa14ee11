using System.Security.Cryptography;
using System.Text;

namespace Amas.Orleans.Gateway.Api;

/// <summary>
/// Task ids. With an <c>Idempotency-Key</c> the id is derived from the caller and the key, so a retried submission
/// reaches the same orchestrator grain, which returns the task it already has: no lookup table, no race.
/// </summary>
public static class TaskIds
{
    public const int MaxIdempotencyKeyLength = 255;

    public static Guid New() => Guid.CreateVersion7();

    public static Guid FromIdempotencyKey(string caller, string key)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"amas-task\n{caller}\n{key}"), hash);
        var bytes = hash[..16];
        // RFC 9562 version 8 (custom) with the RFC variant, so the id reads as a well-formed UUID.
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    public static bool IsValidIdempotencyKey(string key)
        => key.Length is > 0 and <= MaxIdempotencyKeyLength && key.All(c => c is >= '!' and <= '~');
}
