using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Amas.Orleans.Gateway.Security.Tests;

/// <summary>JWTs as an identity provider would issue them, and the ways a forged or stale one differs.</summary>
public sealed class Tokens(string signingKey, string issuer, string audience)
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public string Issue(string subject, string role, TimeSpan? expiresIn = null, string? withIssuer = null, string? withAudience = null, string? withKey = null)
    {
        var now = DateTime.UtcNow;
        var expires = now + (expiresIn ?? TimeSpan.FromMinutes(10));
        var claims = new Dictionary<string, object> { ["role"] = role };
        if (subject.Length > 0)
        {
            claims["sub"] = subject;
        }

        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = withIssuer ?? issuer,
            Audience = withAudience ?? audience,
            Claims = claims,
            IssuedAt = expires < now ? expires.AddMinutes(-10) : now,
            NotBefore = expires < now ? expires.AddMinutes(-10) : now,
            Expires = expires,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(withKey ?? signingKey)), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>Expired ten minutes ago: far outside the configured clock skew.</summary>
    public string Expired(string subject, string role) => Issue(subject, role, TimeSpan.FromMinutes(-10));

    /// <summary>An unsigned token (<c>alg: none</c>) with a valid issuer, audience and lifetime.</summary>
    public string Unsigned(string subject, string role)
    {
        var now = DateTimeOffset.UtcNow;
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        var payload = Base64UrlEncoder.Encode(
            $$"""{"sub":"{{subject}}","role":"{{role}}","iss":"{{issuer}}","aud":"{{audience}}","nbf":{{now.AddMinutes(-1).ToUnixTimeSeconds()}},"exp":{{now.AddMinutes(10).ToUnixTimeSeconds()}}}""");
        return $"{header}.{payload}.";
    }
}
