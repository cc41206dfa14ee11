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
                    context.Fail($"The token has no '{jwt.NameClaim}' claim naming the caller.");
                    return Task.CompletedTask;
                }

                context.Principal.Identities.First().AddClaim(new System.Security.Claims.Claim(SecurityClaims.Credential, "jwt"));
                return Task.CompletedTask;
            },
            OnAuthenticationFailed = context =>
            {
                AuditNotes.Add(context.HttpContext, "reason", context.Exception.GetType().Name);
                return Task.CompletedTask;
            },
        };
    }
}
