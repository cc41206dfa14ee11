namespace Amas.Orleans.Gateway.Security.Tests;

/// <summary>
/// Design §5's role table as the tests hold the gateway to it: the least role each endpoint needs, or none for the
/// health probes. Keyed by method and route pattern exactly as the app declares them, so an endpoint added to the
/// app without a row here fails <see cref="EndpointAccessTests"/>.
/// </summary>
public static class RoleTable
{
    /// <summary>Open to anyone, credentials or not.</summary>
    public const string Anyone = "anyone";

    public static readonly IReadOnlyDictionary<string, string> Rows = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["POST /api/v1/tasks/"] = Roles.Operator,
        ["GET /api/v1/tasks"] = Roles.Viewer,
        ["GET /api/v1/tasks/{id:guid}"] = Roles.Viewer,
        ["GET /api/v1/tasks/{id:guid}/result"] = Roles.Viewer,
        ["GET /api/v1/tasks/{id:guid}/artifacts/patch"] = Roles.Viewer,
        ["GET /api/v1/tasks/{id:guid}/events"] = Roles.Viewer,
        ["GET /api/v1/tasks/options"] = Roles.Viewer,
        ["GET /api/v1/agents"] = Roles.Viewer,
        ["GET /api/v1/metrics/workflows"] = Roles.Viewer,
        ["POST /api/v1/tasks/{id:guid}/cancel"] = Roles.Operator,
        ["POST /api/v1/workflows/orchestrator/trigger"] = Roles.Operator,
        ["GET /api/v1/workflows/{id:guid}/status"] = Roles.Viewer,
        ["POST /api/v1/ai/generate"] = Roles.Operator,
        ["GET /api/v1/providers"] = Roles.Admin,
        ["POST /api/v1/admin/api-keys"] = Roles.Admin,
        ["GET /api/v1/admin/api-keys"] = Roles.Admin,
        ["DELETE /api/v1/admin/api-keys/{id}"] = Roles.Admin,
        ["GET /api/v1/admin/audit"] = Roles.Admin,
        ["GET /health/live"] = Anyone,
        ["GET /health/ready"] = Anyone,
        ["GET /openapi/{documentName}.json"] = Roles.Viewer,
    };

    /// <summary>The Orleans Dashboard (all its routes) shows grain state: admins only.</summary>
    public const string DashboardPrefix = "/dashboard";

    public static string? RoleFor(string method, string pattern)
        => Rows.TryGetValue($"{method} {pattern}", out var role) ? role
            : pattern.StartsWith(DashboardPrefix, StringComparison.Ordinal) ? Roles.Admin
            : null;
}
