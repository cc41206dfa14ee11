namespace Amas.Orleans.Gateway.Security;

/// <summary>Who may call the gateway and how much (configuration section <c>Amas:Security</c>).</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Amas:Security";

    public static readonly IReadOnlyList<string> StoreModes = ["memory", "postgres"];

    /// <summary>
    /// Require a credential (API key or JWT) on every endpoint but the health probes. Off is allowed only for the
    /// embedded default (embedded cluster, in-memory persistence); every other shape refuses to start without it.
    /// </summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// Where API keys and the audit log live: <c>postgres</c> (tables <c>api_keys</c>, <c>audit_logs</c> at
    /// <c>Amas:Postgres:ConnectionString</c>) or <c>memory</c> (this process only, lost on exit). Unset means postgres
    /// for a gateway in client mode or with PostgreSQL persistence, memory otherwise.
    /// </summary>
    public string? Store { get; set; }

    /// <summary>
    /// Lower-case hex SHA-256 of a key that authenticates as the admin <c>bootstrap</c>: how the first admin gets in
    /// to create named keys. Only the hash is configured, never the key.
    /// </summary>
    public string? BootstrapApiKeyHash { get; set; }

    public JwtSettings Jwt { get; set; } = new();

    public RateLimitSettings RateLimit { get; set; } = new();

    public RequestLimitSettings Limits { get; set; } = new();

    /// <summary>How many entries the in-memory audit log keeps (the oldest go first).</summary>
    public int MemoryAuditCapacity { get; set; } = 10_000;
}

/// <summary>JWT bearer tokens signed with a shared key (HMAC-SHA256/384/512). Enabled when all three are set.</summary>
public sealed class JwtSettings
{
    public const int MinimumSigningKeyBytes = 32;

    public string? Issuer { get; set; }

    public string? Audience { get; set; }

    /// <summary>The HMAC key as text, at least 32 bytes in UTF-8; from the environment or a secret, never a file in git.</summary>
    public string? SigningKey { get; set; }

    /// <summary>The claim naming the caller (its tasks are listed and authorised by it).</summary>
    public string NameClaim { get; set; } = "sub";

    /// <summary>The claim holding the role(s): viewer, operator, admin.</summary>
    public string RoleClaim { get; set; } = "role";

    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => !string.IsNullOrEmpty(Issuer) || !string.IsNullOrEmpty(Audience) || !string.IsNullOrEmpty(SigningKey);
}

/// <summary>A fixed window per caller (authenticated) or per client address (anonymous), in each gateway process.</summary>
public sealed class RateLimitSettings
{
    public int PermitLimit { get; set; } = 600;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>What one request may carry, whatever its endpoint.</summary>
public sealed class RequestLimitSettings
{
    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>The longest JSON string value; the longest legitimate one is an AI prompt.</summary>
    public int MaxStringLength { get; set; } = 200_000;

    public int MaxArrayItems { get; set; } = 1_000;

    /// <summary>How many URLs (strings with a scheme such as <c>https://</c>) one JSON body may name.</summary>
    public int MaxUrls { get; set; } = 100;
}
