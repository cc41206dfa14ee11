using System.Text;
using Amas.Orleans.Gateway.Hosting;
using Amas.Orleans.Silo.Hosting;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Gateway.Security;

/// <summary>
/// Refuses, at startup, a gateway that would be exposed without authentication or could never authenticate anyone,
/// naming the keys to set. The embedded default (embedded cluster, in-memory persistence) is the one shape that
/// may run open, because it is one person's machine.
/// </summary>
public static class SecurityOptionsValidator
{
    public static bool IsEmbeddedDefault(GatewayOptions gateway, IConfiguration configuration)
        => gateway.Cluster.Equals("embedded", StringComparison.OrdinalIgnoreCase)
           && !string.Equals(configuration[$"{SiloHostOptions.SectionName}:Persistence"], "postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>The store to use: configured, or PostgreSQL wherever the gateway is not the embedded default.</summary>
    public static string EffectiveStore(SecurityOptions security, GatewayOptions gateway, IConfiguration configuration)
        => security.Store?.ToLowerInvariant() ?? (IsEmbeddedDefault(gateway, configuration) ? "memory" : "postgres");

    public static ValidateOptionsResult Validate(SecurityOptions security, GatewayOptions gateway, IConfiguration configuration)
    {
        var section = SecurityOptions.SectionName;
        var failures = new List<string>();
        ValidateLimits(security.Limits, failures);
        if (!security.Enabled)
        {
            if (!IsEmbeddedDefault(gateway, configuration))
            {
                failures.Add(
                    $"Authentication is off ({section}:Enabled=false), but this gateway is not the embedded default " +
                    $"(Amas:Gateway:Cluster={gateway.Cluster}, Amas:Silo:Persistence={configuration[$"{SiloHostOptions.SectionName}:Persistence"] ?? "memory"}). " +
                    $"Set {section}:Enabled=true with {section}:BootstrapApiKeyHash and/or {section}:Jwt:Issuer, :Audience and :SigningKey " +
                    "(docs/operations.md, 'Authentication').");
            }

            return Result(failures);
        }

        if (security.Store is { } store && !SecurityOptions.StoreModes.Contains(store, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"{section}:Store is '{store}'; valid values: {string.Join(", ", SecurityOptions.StoreModes)}.");
        }

        var effectiveStore = EffectiveStore(security, gateway, configuration);
        if (effectiveStore == "postgres" && string.IsNullOrWhiteSpace(configuration[ConnectionStrings.PostgresKey]))
        {
            failures.Add($"{ConnectionStrings.PostgresKey} is required: API keys and the audit log live in PostgreSQL ({section}:Store={effectiveStore}).");
        }

        if (security.BootstrapApiKeyHash is { Length: > 0 } hash && !IsSha256Hex(hash))
        {
            failures.Add($"{section}:BootstrapApiKeyHash must be the 64 lower-case hex digits of a SHA-256 (of the key), not the key itself.");
        }

        if (security.Jwt.IsConfigured)
        {
            ValidateJwt(security.Jwt, failures);
        }

        // With keys only in memory, a key can be created only by someone already in: without a bootstrap key or
        // JWTs, nobody ever could be.
        if (effectiveStore == "memory" && string.IsNullOrEmpty(security.BootstrapApiKeyHash) && !security.Jwt.IsConfigured)
        {
            failures.Add($"Authentication is on with in-memory API keys, but nobody could ever authenticate: set {section}:BootstrapApiKeyHash or {section}:Jwt:*.");
        }

        if (security.RateLimit.PermitLimit < 1)
        {
            failures.Add($"{section}:RateLimit:PermitLimit must be at least 1 (it is {security.RateLimit.PermitLimit}).");
        }

        if (security.RateLimit.Window <= TimeSpan.Zero)
        {
            failures.Add($"{section}:RateLimit:Window must be positive (it is {security.RateLimit.Window}).");
        }

        return Result(failures);
    }

    private static void ValidateJwt(JwtSettings jwt, List<string> failures)
    {
        var section = $"{SecurityOptions.SectionName}:Jwt";
        if (string.IsNullOrWhiteSpace(jwt.Issuer))
        {
            failures.Add($"{section}:Issuer is required when JWT bearer tokens are configured.");
        }

        if (string.IsNullOrWhiteSpace(jwt.Audience))
        {
            failures.Add($"{section}:Audience is required when JWT bearer tokens are configured.");
        }

        if (string.IsNullOrEmpty(jwt.SigningKey) || Encoding.UTF8.GetByteCount(jwt.SigningKey) < JwtSettings.MinimumSigningKeyBytes)
        {
            failures.Add($"{section}:SigningKey must be at least {JwtSettings.MinimumSigningKeyBytes} bytes (HMAC-SHA256 needs a 256-bit key).");
        }

        if (string.IsNullOrWhiteSpace(jwt.NameClaim) || string.IsNullOrWhiteSpace(jwt.RoleClaim))
        {
            failures.Add($"{section}:NameClaim and :RoleClaim must not be empty.");
        }

        if (jwt.ClockSkew < TimeSpan.Zero || jwt.ClockSkew > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{section}:ClockSkew must be between 0 and 5 minutes (it is {jwt.ClockSkew}).");
        }
    }

    private static void ValidateLimits(RequestLimitSettings limits, List<string> failures)
    {
        var section = $"{SecurityOptions.SectionName}:Limits";
        if (limits.MaxBodyBytes < 1024)
        {
            failures.Add($"{section}:MaxBodyBytes must be at least 1024 (it is {limits.MaxBodyBytes}).");
        }

        if (limits.MaxStringLength < 256 || limits.MaxArrayItems < 1 || limits.MaxUrls < 1)
        {
            failures.Add($"{section}:MaxStringLength must be at least 256, and :MaxArrayItems and :MaxUrls at least 1.");
        }
    }

    public static bool IsSha256Hex(string value) => value.Length == 64 && value.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    private static ValidateOptionsResult Result(List<string> failures)
        => failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
}
