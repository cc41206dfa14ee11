namespace Amas.Orleans.Gateway.Hosting;

/// <summary>
/// Endpoints only an admin may use outside the embedded default: the Orleans Dashboard (its <c>/GrainState</c> shows
/// any grain's state). The one hook for them: it marks the endpoints with <see cref="AdminOnlyMetadata"/>, and
/// gateway authorization requires the admin role wherever that mark is. The embedded default stays open (it listens
/// on 127.0.0.1 and says at startup that authentication is off).
/// </summary>
public static class AdminOnly
{
    public static TBuilder RequireAdminOutsideEmbedded<TBuilder>(this TBuilder endpoints, GatewayOptions options)
        where TBuilder : IEndpointConventionBuilder
    {
        if (options.IsEmbedded)
        {
            return endpoints;
        }

        // TODO(security, issue #7): also endpoints.RequireAuthorization(<the admin policy>) once gateway/Security
        // defines the roles; until then the mark is what a policy or a test can find.
        return endpoints.WithMetadata(AdminOnlyMetadata.Instance);
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
