namespace Amas.Orleans.Gateway.Security.Audit;

/// <summary>Append-only audit log: PostgreSQL <c>audit_logs</c> (every gateway's), or this process's memory.</summary>
public interface IAuditLog
{
    /// <summary>Appends the entry as given; redaction happens before (see <see cref="AuditRedactor"/>).</summary>
    Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken);

    Task<AuditPage> ReadAsync(AuditQuery query, CancellationToken cancellationToken);
}
