using System.Net;

namespace Amas.Orleans.Gateway.Security.Audit;

/// <summary>
/// One line of the audit log: who (<see cref="Caller"/>) did what (<see cref="Action"/>) to what
/// (<see cref="Resource"/>), and how it ended (<see cref="Result"/>). <see cref="Detail"/> holds short facts such as
/// the HTTP status and the reason for a refusal; free text in it and in the resource is redacted before it is written.
/// </summary>
public sealed record AuditEntry
{
    /// <summary>Assigned by the log when written; increasing, so it orders and pages the log.</summary>
    public long Id { get; init; }
    public required DateTimeOffset At { get; init; }
    public required string Caller { get; init; }
    public required string Action { get; init; }
    public string? Resource { get; init; }
    public required string Result { get; init; }
    public IPAddress? Ip { get; init; }
    public string? TraceId { get; init; }
    public IReadOnlyDictionary<string, string> Detail { get; init; } = new Dictionary<string, string>();
}

/// <summary>How an audited request ended.</summary>
public static class AuditResults
{
    /// <summary>The action was carried out.</summary>
    public const string Succeeded = "succeeded";

    /// <summary>Refused for who the caller is: no or bad credentials (401), role (403), rate (429), another caller's task.</summary>
    public const string Denied = "denied";

    /// <summary>Refused for what the request says: malformed, too large, or outside what is allowed (other 4xx).</summary>
    public const string Rejected = "rejected";
}

/// <summary>The actions audited when they succeed (every refusal is audited under its endpoint's name).</summary>
public static class AuditActions
{
    public const string TaskSubmit = "task.submit";
    public const string TaskCancel = "task.cancel";
    public const string ApiKeyCreate = "api_key.create";
    public const string ApiKeyRevoke = "api_key.revoke";
}

/// <summary>A page of the audit log, newest first.</summary>
public sealed record AuditQuery
{
    public string? Caller { get; init; }
    public string? Action { get; init; }
    public string? Result { get; init; }

    /// <summary>Only entries with a smaller id: the previous page's <see cref="AuditPage.Next"/>.</summary>
    public long? Before { get; init; }

    public int Limit { get; init; } = 100;
}

public sealed record AuditPage(IReadOnlyList<AuditEntry> Items, long? Next);
