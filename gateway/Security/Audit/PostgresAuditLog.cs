using System.Net;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Amas.Orleans.Gateway.Security.Audit;

/// <summary>The audit log in PostgreSQL (<c>audit_logs</c>, migration 0003), written by every gateway.</summary>
public sealed class PostgresAuditLog(SecurityDatabase database) : IAuditLog
{
    public async Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("""
            INSERT INTO audit_logs (at, caller, action, resource, result, ip, trace_id, detail)
            VALUES (@at, @caller, @action, @resource, @result, @ip, @trace_id, @detail)
            """);
        command.Parameters.AddWithValue("at", entry.At);
        command.Parameters.AddWithValue("caller", entry.Caller);
        command.Parameters.AddWithValue("action", entry.Action);
        command.Parameters.Add(new NpgsqlParameter("resource", NpgsqlDbType.Text) { Value = (object?)entry.Resource ?? DBNull.Value });
        command.Parameters.AddWithValue("result", entry.Result);
        command.Parameters.Add(new NpgsqlParameter("ip", NpgsqlDbType.Inet) { Value = (object?)entry.Ip ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("trace_id", NpgsqlDbType.Text) { Value = (object?)entry.TraceId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("detail", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(entry.Detail) });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<AuditPage> ReadAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("""
            SELECT id, at, caller, action, resource, result, ip, trace_id, detail::text
            FROM audit_logs
            WHERE (@before::bigint IS NULL OR id < @before)
              AND (@caller::text IS NULL OR caller = @caller)
              AND (@action::text IS NULL OR action = @action)
              AND (@result::text IS NULL OR result = @result)
            ORDER BY id DESC
            LIMIT @limit
            """);
        command.Parameters.Add(new NpgsqlParameter("before", NpgsqlDbType.Bigint) { Value = query.Before is { } before ? before : DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("caller", NpgsqlDbType.Text) { Value = (object?)query.Caller ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("action", NpgsqlDbType.Text) { Value = (object?)query.Action ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("result", NpgsqlDbType.Text) { Value = (object?)query.Result ?? DBNull.Value });
        command.Parameters.AddWithValue("limit", query.Limit + 1);

        var items = new List<AuditEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new AuditEntry
            {
                Id = reader.GetInt64(0),
                At = reader.GetFieldValue<DateTimeOffset>(1),
                Caller = reader.GetString(2),
                Action = reader.GetString(3),
                Resource = reader.IsDBNull(4) ? null : reader.GetString(4),
                Result = reader.GetString(5),
                Ip = reader.IsDBNull(6) ? null : reader.GetFieldValue<IPAddress>(6),
                TraceId = reader.IsDBNull(7) ? null : reader.GetString(7),
                Detail = reader.IsDBNull(8) ? new Dictionary<string, string>() : JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(8)) ?? [],
            });
        }

        var more = items.Count > query.Limit;
        var page = more ? items[..query.Limit] : items;
        return new AuditPage(page, more ? page[^1].Id : null);
    }
}
