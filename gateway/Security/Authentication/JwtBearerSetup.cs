using System.Text;
using Amas.Orleans.Gateway.Security.Audit;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Amas.Orleans.Gateway.Security.Authentication;

/// <summary>
/// JWT bearer tokens through the standard handler: signature (HMAC with the configured key, and only HMAC, so a
/// token cannot pick a weaker algorithm), issuer, audience and lifetime are all checked; an expiry is required.
/// </summary>
public static class JwtBearerSetup
{
    /// <summary>A sentence for the caller; the handler's own messages carry internal codes and hidden values.</summary>
    public static string Reason(Exception exception) => exception switch
    {
        SecurityTokenExpiredException => "The bearer token has expired.",
        SecurityTokenNotYetValidException => "The bearer token is not valid yet.",
        SecurityTokenInvalidAudienceException => "The bearer token is for another audience.",
        SecurityTokenInvalidIssuerException => "The bearer token is from an issuer this gateway does not trust.",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "The bearer token's signature is not valid.",
        SecurityTokenInvalidAlgorithmException => "The bearer token is signed with an algorithm this gateway does not accept.",
        _ => "The bearer token is not valid.",
    };

    public static void Configure(JwtBearerOptions bearer, JwtSettings jwt)
    {
        // Claim names as the token has them ("sub", "role"), not rewritten to long WS-* URIs.
        bearer.MapInboundClaims = false;
        bearer.RequireHttpsMetadata = false;
        bearer.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuer = jwt.Issuer,
            ValidateAudience = true,
            ValidAudience = jwt.Audience,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = jwt.ClockSkew,
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(jwt.SigningKey!)),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256, SecurityAlgorithms.HmacSha384, SecurityAlgorithms.HmacSha512],
            NameClaimType = jwt.NameClaim,
            RoleClaimType = jwt.RoleClaim,
        };
        bearer.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                // A token without a subject would make every such caller one anonymous owner of the same tasks.
                if (context.Principal?.Identity?.Name is not { Length: > 0 })
                {
                    var reason = $"The bearer token has no '{jwt.NameClaim}' claim naming the caller.";
                    AuditNotes.Add(context.HttpContext, "reason", reason);
                    context.Fail(reason);
                    return Task.CompletedTask;
                }

                context.Principal.Identities.First().AddClaim(new System.Security.Claims.Claim(SecurityClaims.Credential, "jwt"));
                return Task.CompletedTask;
            },
            OnAuthenticationFailed = context =>
            {
                AuditNotes.Add(context.HttpContext, "reason", Reason(context.Exception));
                AuditNotes.Add(context.HttpContext, "exception", context.Exception.GetType().Name);
                return Task.CompletedTask;
            },
        };
    }
}
