using System.Globalization;
using System.Text.Json;
using Amas.Orleans.Gateway.Api;
using Amas.Orleans.Gateway.Security.ApiKeys;
using Amas.Orleans.Gateway.Security.Audit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Amas.Orleans.Gateway.Security;

/// <summary>
/// <c>/api/v1/admin</c>, for admins only: API keys (create, list, revoke) and the audit log. A new key is in the
/// creation answer and nowhere else, ever.
/// </summary>
public static class AdminEndpoints
{
    public const int MaxOwnerLength = 128;
    public const int DefaultAuditLimit = 100;
    public const int MaxAuditLimit = 500;

    /// <summary>Names that already mean something: the open gateway's caller and the bootstrap key's.</summary>
    public static readonly IReadOnlyList<string> ReservedOwners = [Callers.Anonymous, Authentication.ApiKeyAuthenticationHandler.BootstrapCaller];

    private static readonly string[] CreateFields = ["owner", "role"];

    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/v1/admin").WithTags("Admin").RequireAuthorization(AmasPolicies.Admin);
        admin.MapPost("/api-keys", CreateKeyAsync).WithName("CreateApiKey").Accepts<object>("application/json").Audited(AuditActions.ApiKeyCreate);
        admin.MapGet("/api-keys", ListKeysAsync).WithName("ListApiKeys");
        admin.MapDelete("/api-keys/{id}", RevokeKeyAsync).WithName("RevokeApiKey").Audited(AuditActions.ApiKeyRevoke);
        admin.MapGet("/audit", ReadAuditAsync).WithName("ReadAuditLog");
        return app;
    }

    private static async Task<Created<ApiKeyCreated>> CreateKeyAsync(HttpContext http, IApiKeyStore store, TimeProvider time)
    {
        var body = await TaskSubmission.ReadBodyAsync(http);
        var (owner, role) = ReadCreate(body);
        var key = ApiKeySecrets.NewKey();
        var record = new ApiKeyRecord
        {
            Id = ApiKeySecrets.NewId(),
            KeyHash = ApiKeySecrets.Hash(key),
            Hint = ApiKeySecrets.Hint(key),
            Owner = owner,
            Role = role,
            CreatedAt = time.GetUtcNow(),
            CreatedBy = Callers.Of(http),
        };
        await store.AddAsync(record, http.RequestAborted);

        AuditNotes.Add(http, "owner", owner);
        AuditNotes.Add(http, "role", role);
        // The one answer that holds the key: no cache may keep it.
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created($"/api/v1/admin/api-keys/{record.Id}", new ApiKeyCreated(record.Id, key, record.Owner, record.Role, record.Hint, record.CreatedAt, record.CreatedBy));
    }

    private static async Task<Ok<IReadOnlyList<ApiKeyView>>> ListKeysAsync(IApiKeyStore store, CancellationToken cancellationToken)
        => TypedResults.Ok<IReadOnlyList<ApiKeyView>>([.. (await store.ListAsync(cancellationToken)).Select(ApiKeyView.Of)]);

    /// <summary>200 with the revoked key (revoking it again changes nothing and answers the same).</summary>
    private static async Task<Results<Ok<ApiKeyView>, ProblemHttpResult>> RevokeKeyAsync(string id, HttpContext http, IApiKeyStore store, TimeProvider time)
    {
        var revoked = ApiKeySecrets.IsId(id) ? await store.RevokeAsync(id, Callers.Of(http), time.GetUtcNow(), http.RequestAborted) : null;
        if (revoked is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such API key.", detail: $"There is no API key '{id}'.");
        }

        AuditNotes.Add(http, "owner", revoked.Owner);
        return TypedResults.Ok(ApiKeyView.Of(revoked));
    }

    private static async Task<Ok<AuditLogPage>> ReadAuditAsync(
        IAuditLog log, CancellationToken cancellationToken, string? caller = null, string? action = null, string? result = null, int limit = DefaultAuditLimit, string? cursor = null)
    {
        var errors = new Dictionary<string, string[]>();
        if (limit is < 1 or > MaxAuditLimit)
        {
            errors["limit"] = [$"limit must be between 1 and {MaxAuditLimit}."];
        }

        long? before = null;
        if (cursor is not null)
        {
            if (long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
            {
                before = id;
            }
            else
            {
                errors["cursor"] = ["The cursor is not one this API returned."];
            }
        }

        string[] results = [AuditResults.Succeeded, AuditResults.Denied, AuditResults.Rejected];
        if (result is not null && !results.Contains(result))
        {
            errors["result"] = [$"'{result}' is not a result. Valid: {string.Join(", ", results)}."];
        }

        if (errors.Count > 0)
        {
            throw TaskRequestReader.Rejected(errors);
        }

        var page = await log.ReadAsync(new AuditQuery { Caller = caller, Action = action, Result = result, Before = before, Limit = limit }, cancellationToken);
        return TypedResults.Ok(new AuditLogPage(
            [.. page.Items.Select(AuditLogItem.Of)],
            page.Next?.ToString(CultureInfo.InvariantCulture)));
    }

    private static (string Owner, string Role) ReadCreate(JsonElement body)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw TaskRequestReader.Rejected(new() { [""] = ["The body must be a JSON object: {\"owner\": …, \"role\": …}."] });
        }

        foreach (var property in body.EnumerateObject().Where(p => !CreateFields.Contains(p.Name)))
        {
            errors[property.Name] = [$"Unknown field. Known fields here: {string.Join(", ", CreateFields)}."];
        }

        var owner = body.TryGetProperty("owner", out var o) && o.ValueKind == JsonValueKind.String ? o.GetString()! : null;
        if (owner is null || !IsOwnerName(owner))
        {
            errors["owner"] = [$"owner is required: 1 to {MaxOwnerLength} letters, digits and . _ @ + - (the caller the key acts as)."];
        }
        else if (ReservedOwners.Contains(owner, StringComparer.OrdinalIgnoreCase))
        {
            errors["owner"] = [$"'{owner}' is reserved."];
        }

        var role = body.TryGetProperty("role", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
        if (role is null || !Roles.All.Contains(role))
        {
            errors["role"] = [$"role is required. Valid roles: {string.Join(", ", Roles.All)}."];
        }

        return errors.Count > 0 ? throw TaskRequestReader.Rejected(errors) : (owner!, role!);
    }

    private static bool IsOwnerName(string owner)
        => owner.Length is > 0 and <= MaxOwnerLength && owner.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '@' or '+' or '-');
}

/// <summary>An API key as admins see it: everything but the key and its hash.</summary>
public sealed record ApiKeyView(string Id, string Owner, string Role, string Hint, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt, string? RevokedBy)
{
    public static ApiKeyView Of(ApiKeyRecord key) => new(key.Id, key.Owner, key.Role, key.Hint, key.CreatedAt, key.CreatedBy, key.RevokedAt, key.RevokedBy);
}

/// <summary>The creation answer: the key, shown this once.</summary>
public sealed record ApiKeyCreated(string Id, string Key, string Owner, string Role, string Hint, DateTimeOffset CreatedAt, string CreatedBy);

public sealed record AuditLogPage(IReadOnlyList<AuditLogItem> Items, string? NextCursor);

public sealed record AuditLogItem(long Id, DateTimeOffset At, string Caller, string Action, string? Resource, string Result, string? Ip, string? TraceId, IReadOnlyDictionary<string, string> Detail)
{
    public static AuditLogItem Of(AuditEntry entry)
        => new(entry.Id, entry.At, entry.Caller, entry.Action, entry.Resource, entry.Result, entry.Ip?.ToString(), entry.TraceId, entry.Detail);
}
