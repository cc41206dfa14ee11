namespace Amas.Orleans.Gateway.Security.Audit;

/// <summary>
/// What handlers and filters tell the audit about the request they answered, through <see cref="HttpContext.Items"/>:
/// facts for the entry's detail, a refusal that does not look like one (a 404 that hides another caller's task),
/// and the problem details the response carried.
/// </summary>
public static class AuditNotes
{
    private static readonly object DetailKey = new();
    private static readonly object DeniedKey = new();

    public static void Add(HttpContext http, string key, string value) => DetailOf(http)[key] = value;

    /// <summary>Marks the request as refused for who the caller is, whatever status the caller was shown.</summary>
    public static void Deny(HttpContext http, string reason)
    {
        http.Items[DeniedKey] = true;
        Add(http, "reason", reason);
    }

    public static bool IsDenied(HttpContext http) => http.Items.ContainsKey(DeniedKey);

    /// <summary>Why the credential was refused, as the authentication handler put it.</summary>
    public static string? Reason(HttpContext http) => Detail(http).TryGetValue("reason", out var reason) ? reason : null;

    public static IReadOnlyDictionary<string, string> Detail(HttpContext http)
        => http.Items.TryGetValue(DetailKey, out var detail) ? (Dictionary<string, string>)detail! : new Dictionary<string, string>();

    private static Dictionary<string, string> DetailOf(HttpContext http)
    {
        if (!http.Items.TryGetValue(DetailKey, out var detail))
        {
            detail = new Dictionary<string, string>(StringComparer.Ordinal);
            http.Items[DetailKey] = detail;
        }

        return (Dictionary<string, string>)detail!;
    }
}

/// <summary>Endpoint metadata: a success of this endpoint is audited under <see cref="Action"/>.</summary>
public sealed record AuditedAction(string Action);

public static class AuditedActionExtensions
{
    public static TBuilder Audited<TBuilder>(this TBuilder builder, string action) where TBuilder : IEndpointConventionBuilder
        => builder.WithMetadata(new AuditedAction(action));
}
