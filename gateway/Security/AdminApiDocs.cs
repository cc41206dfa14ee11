using System.Net;
using Amas.Orleans.Gateway.Security.Audit;

namespace Amas.Orleans.Gateway.Security;

/// <summary>
/// <c>POST /api/v1/admin/api-keys</c>. The gateway reads the body by hand (so it can name every bad field); this type
/// only describes it to the OpenAPI document. Unknown fields are rejected.
/// </summary>
/// <param name="Owner">The caller the key acts as: 1–128 letters, digits and <c>. _ @ + -</c>.</param>
/// <param name="Role"><c>viewer</c>, <c>operator</c> or <c>admin</c>.</param>
public sealed record ApiKeyRequestBody(string Owner, string Role);

/// <summary>Examples of the admin endpoints for the OpenAPI document, built from their own types.</summary>
internal static class AdminApiExamples
{
    private static readonly DateTimeOffset Created = new(2026, 11, 24, 21, 12, 42, TimeSpan.Zero);

    public static ApiKeyRequestBody Request => new("ci-pipeline", Roles.Operator);

    public static ApiKeyCreated Created201 => new("3f9c1d2e4b5a6978", "amas_Zr8vK2mQx7LwT4nZp9YhC3jF6sD1aB5gE0uNiQw2eRt", "ci-pipeline", Roles.Operator, "amas_Zr8vK2m", Created, "alice");

    public static ApiKeyView Key => new("3f9c1d2e4b5a6978", "ci-pipeline", Roles.Operator, "amas_Zr8vK2m", Created, "alice", null, null);

    public static ApiKeyView Revoked => Key with { RevokedAt = Created.AddDays(30), RevokedBy = "alice" };

    public static IReadOnlyList<ApiKeyView> Keys => [Key];

    public static AuditLogPage Audit => new(
        [
            new AuditLogItem(1042, Created, "ci-pipeline", AuditActions.TaskSubmit, "/api/v1/tasks/01a20f67-575a-7d73-ab07-ce87dbb36fa3",
                AuditResults.Succeeded, IPAddress.Parse("10.0.0.21").ToString(), "4bf92f3577b34da6a3ce929d0e0e4736",
                new Dictionary<string, string> { ["status"] = "202", ["method"] = "POST", ["credential"] = "api_key:3f9c1d2e4b5a6978" }),
            new AuditLogItem(1041, Created.AddSeconds(-3), "anonymous", "GET /api/v1/tasks", "/api/v1/tasks", AuditResults.Denied, "203.0.113.9",
                "0af7651916cd43dd8448eb211c80319c",
                new Dictionary<string, string> { ["status"] = "401", ["method"] = "GET", ["reason"] = "The API key is not recognised." }),
        ],
        "1041");
}
