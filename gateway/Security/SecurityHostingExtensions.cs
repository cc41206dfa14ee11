using Amas.Orleans.Gateway.Hosting;
using Amas.Orleans.Gateway.Security.ApiKeys;
using Amas.Orleans.Gateway.Security.Audit;
using Amas.Orleans.Gateway.Security.Authentication;
using Amas.Orleans.Gateway.Security.Limits;
using Amas.Orleans.Silo.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Gateway.Security;

/// <summary>
/// Everything that decides who may do what on the gateway, in one place: authentication (API keys, JWT bearer, or
/// open in the embedded default), role policies, per-caller rate limits, request limits and the audit log.
/// </summary>
public static partial class SecurityHostingExtensions
{
    public static WebApplicationBuilder AddAmasSecurity(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var gateway = new GatewayOptions();
        configuration.GetSection(GatewayOptions.SectionName).Bind(gateway);
        var security = new SecurityOptions();
        configuration.GetSection(SecurityOptions.SectionName).Bind(security);
        var validation = SecurityOptionsValidator.Validate(security, gateway, configuration);
        if (validation.Failed)
        {
            throw new OptionsValidationException(SecurityOptions.SectionName, typeof(SecurityOptions), validation.Failures);
        }

        var services = builder.Services;
        services.AddSingleton(Options.Create(security));
        services.AddSingleton(Options.Create(security.Limits));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AuditRedactor>();
        AddStores(services, security, SecurityOptionsValidator.EffectiveStore(security, gateway, configuration), configuration);

        if (security.Enabled)
        {
            AddCredentials(services, security);
        }
        else
        {
            services.AddAmasOpenAccess();
        }

        services.Configure<ProblemDetailsOptions>(problems =>
        {
            var previous = problems.CustomizeProblemDetails;
            problems.CustomizeProblemDetails = context =>
            {
                previous?.Invoke(context);
                SecurityProblems.Customize(context);
            };
        });
        return builder;
    }

    /// <summary>The role policies endpoints name; an endpoint without one is for admins only.</summary>
    public static IServiceCollection AddAmasPolicies(this IServiceCollection services)
        => services.AddAuthorization(authorization =>
        {
            foreach (var role in Roles.All)
            {
                authorization.AddPolicy(AmasPolicies.For(role), policy => policy.RequireAuthenticatedUser().RequireRole(Roles.AtLeast(role)));
            }

            // An endpoint someone forgot to give a policy is for admins only, not for everyone.
            authorization.FallbackPolicy = authorization.GetPolicy(AmasPolicies.Admin);
        });

    /// <summary>
    /// Authentication off, policies on: every caller is the anonymous admin. For hosts that map some of the
    /// gateway's endpoints without the whole gateway (tests); they add <c>UseAuthentication</c> and <c>UseAuthorization</c>.
    /// </summary>
    public static IServiceCollection AddAmasOpenAccess(this IServiceCollection services)
    {
        services.AddAuthentication(SecuritySchemes.OpenAccess)
            .AddScheme<AuthenticationSchemeOptions, OpenAccessAuthenticationHandler>(SecuritySchemes.OpenAccess, _ => { });
        return services.AddAmasPolicies();
    }

    /// <summary>Outermost: the audit sees the final status of every request, after the exception handler has spoken.</summary>
    public static WebApplication UseAmasAudit(this WebApplication app)
    {
        app.UseMiddleware<AuditMiddleware>();
        return app;
    }

    /// <summary>Who is calling, whether it is over its rate, whether its role allows the endpoint, then the body limit.</summary>
    public static WebApplication UseAmasSecurity(this WebApplication app)
    {
        var security = app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value;
        app.UseAuthentication();
        if (security.Enabled)
        {
            app.UseRateLimiter();
        }

        app.UseAuthorization();
        app.UseMiddleware<RequestBodyLimit>();
        LogMode(app, security);
        return app;
    }

    /// <summary>API keys (and bearer tokens when configured), the role policies and the per-caller rate limit.</summary>
    private static void AddCredentials(IServiceCollection services, SecurityOptions security)
    {
        var jwt = security.Jwt.IsConfigured;
        var authentication = services.AddAuthentication(SecuritySchemes.Credentials)
            .AddPolicyScheme(SecuritySchemes.Credentials, "API key or bearer token", scheme => scheme.ForwardDefaultSelector = http => SchemeFor(http, jwt))
            .AddScheme<ApiKeyAuthenticationOptions, ApiKeyAuthenticationHandler>(SecuritySchemes.ApiKey, key =>
            {
                key.BootstrapKeyHash = security.BootstrapApiKeyHash;
                key.BearerTokensAccepted = jwt;
            });
        if (jwt)
        {
            authentication.AddJwtBearer(bearer => JwtBearerSetup.Configure(bearer, security.Jwt));
        }

        services.AddAmasPolicies();
        services.AddRateLimiter(limiter => CallerRateLimiting.Configure(limiter, security.RateLimit));
    }

    private static string SchemeFor(HttpContext http, bool jwt)
        => !http.Request.Headers.ContainsKey(SecuritySchemes.ApiKeyHeader)
           && jwt
           && http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? JwtBearerDefaults.AuthenticationScheme
            : SecuritySchemes.ApiKey;

    private static void AddStores(IServiceCollection services, SecurityOptions security, string store, IConfiguration configuration)
    {
        if (store == "postgres")
        {
            services.AddSingleton(_ => new SecurityDatabase(configuration[ConnectionStrings.PostgresKey]!));
            services.AddSingleton<IApiKeyStore, PostgresApiKeyStore>();
            services.AddSingleton<IAuditLog, PostgresAuditLog>();
        }
        else
        {
            services.AddSingleton<IApiKeyStore, InMemoryApiKeyStore>();
            services.AddSingleton<IAuditLog>(_ => new InMemoryAuditLog(security.MemoryAuditCapacity));
        }
    }

    private static void LogMode(WebApplication app, SecurityOptions security)
    {
        var store = app.Services.GetRequiredService<IApiKeyStore>() is PostgresApiKeyStore ? "postgres" : "memory";
        if (!security.Enabled)
        {
            LogOpen(app.Logger, Api.Callers.Anonymous);
            return;
        }

        LogRequired(
            app.Logger,
            store,
            string.IsNullOrEmpty(security.BootstrapApiKeyHash) ? "none" : "configured",
            security.Jwt.IsConfigured ? $"from issuer {security.Jwt.Issuer} for audience {security.Jwt.Audience}" : "off",
            security.RateLimit.PermitLimit,
            security.RateLimit.Window);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Authentication is OFF: every caller is '{Caller}', an admin. Do not expose this gateway beyond this machine.")]
    private static partial void LogOpen(ILogger logger, string caller);

    [LoggerMessage(Level = LogLevel.Information, Message = "Authentication required: API keys in X-API-Key (store {Store}, bootstrap key {Bootstrap}), JWT bearer tokens {Jwt}; at most {Permits} requests per {Window} per caller")]
    private static partial void LogRequired(ILogger logger, string store, string bootstrap, string jwt, int permits, TimeSpan window);
}
