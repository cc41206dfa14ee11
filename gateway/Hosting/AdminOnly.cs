namespace Amas.Orleans.Gateway.Hosting;

/// <summary>
/// Endpoints only an admin may use outside the embedded default: the Orleans Dashboard (its <c>/GrainState</c> shows
/// any grain's state). The one hook for them: they require the admin policy, and outside the embedded default carry
/// <see cref="AdminOnlyMetadata"/> as well. The embedded default stays open all the same: with authentication off
/// its one caller is an admin (it listens on 127.0.0.1 and says at startup that authentication is off).
/// </summary>
public static class AdminOnly
{
    public static TBuilder RequireAdminOutsideEmbedded<TBuilder>(this TBuilder endpoints, GatewayOptions options)
        where TBuilder : IEndpointConventionBuilder
    {
        endpoints.RequireAuthorization(Security.AmasPolicies.Admin);
        return options.IsEmbedded ? endpoints : endpoints.WithMetadata(AdminOnlyMetadata.Instance);
    }
}

/// <summary>The mark <see cref="AdminOnly"/> puts on admin-only endpoints.</summary>
public sealed class AdminOnlyMetadata
{
    public static readonly AdminOnlyMetadata Instance = new();

    private AdminOnlyMetadata()
    {
    }
}
