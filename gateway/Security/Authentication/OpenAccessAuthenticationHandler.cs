using System.Security.Claims;
using System.Text.Encodings.Web;
using Amas.Orleans.Gateway.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Gateway.Security.Authentication;

/// <summary>
/// Authentication off (only the embedded default may run so): every request is <c>anonymous</c> with the admin
/// role, so the same policies, ownership rules and audit run as with authentication on.
/// </summary>
public sealed class OpenAccessAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, Callers.Anonymous), new Claim(ClaimTypes.Role, Roles.Admin)],
            Scheme.Name,
            ClaimTypes.Name,
            ClaimTypes.Role);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }
}
