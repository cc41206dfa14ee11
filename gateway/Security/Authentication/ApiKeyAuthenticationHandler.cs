using System.Security.Claims;
using System.Text.Encodings.Web;
using Amas.Orleans.Gateway.Security.ApiKeys;
using Amas.Orleans.Gateway.Security.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Gateway.Security.Authentication;

public sealed class ApiKeyAuthenticationOptions : AuthenticationSchemeOptions
{
    /// <summary>The SHA-256 of the bootstrap admin key, if one is configured.</summary>
    public string? BootstrapKeyHash { get; set; }

    /// <summary>Whether bearer tokens are accepted too, so a challenge names both ways in.</summary>
    public bool BearerTokensAccepted { get; set; }
}

/// <summary>
/// <c>X-API-Key</c>: the key is hashed and looked up; a revoked or unknown key fails (401), so does a malformed
/// header. The caller is the key's owner, with the key's role.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<ApiKeyAuthenticationOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IApiKeyStore store)
    : AuthenticationHandler<ApiKeyAuthenticationOptions>(options, logger, encoder)
{
    public const string BootstrapCaller = "bootstrap";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(SecuritySchemes.ApiKeyHeader, out var values))
        {
            return AuthenticateResult.NoResult();
        }

        var key = values.ToString();
        if (values.Count != 1 || key.Length is 0 or > ApiKeySecrets.MaxKeyLength)
        {
            return Fail($"The {SecuritySchemes.ApiKeyHeader} header must hold one key of at most {ApiKeySecrets.MaxKeyLength} characters.");
        }

        var hash = ApiKeySecrets.Hash(key);
        if (Options.BootstrapKeyHash is { Length: > 0 } bootstrap && ApiKeySecrets.HashesEqual(hash, bootstrap))
        {
            return Success(BootstrapCaller, Roles.Admin, $"api_key:{BootstrapCaller}");
        }

        var record = await store.FindByHashAsync(hash, Context.RequestAborted);
        if (record is null)
        {
            return Fail("The API key is not recognised.");
        }

        return record.RevokedAt is null
            ? Success(record.Owner, record.Role, $"api_key:{record.Id}")
            : Fail($"The API key {record.Id} was revoked.");
    }

    /// <summary>The reason goes to the audit entry and the 401 problem; ASP.NET Core keeps only successes.</summary>
    private AuthenticateResult Fail(string reason)
    {
        AuditNotes.Add(Context, "reason", reason);
        return AuthenticateResult.Fail(reason);
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.Append(Microsoft.Net.Http.Headers.HeaderNames.WWWAuthenticate, $"ApiKey header=\"{SecuritySchemes.ApiKeyHeader}\"");
        if (Options.BearerTokensAccepted)
        {
            Response.Headers.Append(Microsoft.Net.Http.Headers.HeaderNames.WWWAuthenticate, "Bearer");
        }

        return Task.CompletedTask;
    }

    private AuthenticateResult Success(string caller, string role, string credential)
    {
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, caller), new Claim(ClaimTypes.Role, role), new Claim(SecurityClaims.Credential, credential)],
            Scheme.Name,
            ClaimTypes.Name,
            ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }
}
