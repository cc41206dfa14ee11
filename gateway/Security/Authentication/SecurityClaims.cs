namespace Amas.Orleans.Gateway.Security;

/// <summary>Claims this gateway puts on a caller beside its name and role.</summary>
public static class SecurityClaims
{
    /// <summary>Which credential authenticated the request: <c>api_key:&lt;id&gt;</c>, <c>api_key:bootstrap</c> or <c>jwt</c>.</summary>
    public const string Credential = "amas:credential";
}

/// <summary>The authentication schemes and the header API keys travel in.</summary>
public static class SecuritySchemes
{
    /// <summary>Picks the scheme a request's credential belongs to; what endpoints authenticate with.</summary>
    public const string Credentials = "amas-credentials";

    public const string ApiKey = "api-key";

    /// <summary>Authentication off (the embedded default): every request is the anonymous admin.</summary>
    public const string OpenAccess = "open-access";

    public const string ApiKeyHeader = "X-API-Key";
}
