namespace Amas.Orleans.Gateway.Security.Audit;

/// <summary>
/// The audit log of the embedded default: the newest <c>capacity</c> entries in memory, so a flood of refused
/// requests cannot exhaust the process.
/// </summary>
public sealed class InMemoryAuditLog(int capacity) : IAuditLog
{
    private readonly Lock _lock = new();
    private readonly LinkedList<AuditEntry> _entries = new();
    private long _lastId;

    public Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _entries.AddLast(entry with { Id = ++_lastId });
            while (_entries.Count > capacity)
            {
                _entries.RemoveFirst();
            }
        }

        return Task.CompletedTask;
    }

    public Task<AuditPage> ReadAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        List<AuditEntry> page;
        lock (_lock)
        {
            page = [.. NewestFirst()
                .Where(e => query.Before is not { } before || e.Id < before)
                .Where(e => query.Caller is null || e.Caller == query.Caller)
                .Where(e => query.Action is null || e.Action == query.Action)
                .Where(e => query.Result is null || e.Result == query.Result)
                .Take(query.Limit + 1)];
        }

        var more = page.Count > query.Limit;
        var items = more ? page[..query.Limit] : page;
        return Task.FromResult(new AuditPage(items, more ? items[^1].Id : null));
    }

    private IEnumerable<AuditEntry> NewestFirst()
    {
        for (var node = _entries.Last; node is not null; node = node.Previous)
        {
            yield return node.Value;
        }
    }
}
