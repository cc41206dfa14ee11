using System.Collections.Concurrent;
using Amas.Orleans.Tasks;

namespace Amas.Orleans.Uploads;

/// <summary>
/// Uploads in this silo's memory: the embedded default, where the silo is the only one. A cluster of several silos
/// shares uploads through PostgreSQL instead (<c>Amas:Silo:Persistence=postgres</c>).
/// </summary>
public sealed class InMemoryUploadStore(TimeProvider clock) : IUploadStore
{
    private readonly ConcurrentDictionary<Guid, Entry> _uploads = new();

    public Task<bool> BeginAsync(Guid id, string fileName, CancellationToken cancellationToken)
    {
        var fresh = new Entry(fileName, clock.GetUtcNow());
        while (true)
        {
            if (_uploads.TryAdd(id, fresh))
            {
                return Task.FromResult(true);
            }

            if (_uploads.TryGetValue(id, out var existing))
            {
                if (existing.Completed is not null)
                {
                    return Task.FromResult(false);
                }

                _uploads.TryRemove(new KeyValuePair<Guid, Entry>(id, existing));
            }
        }
    }

    public Task AppendAsync(Guid id, int sequence, ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken)
    {
        var entry = Open(id);
        lock (entry.Chunks)
        {
            if (sequence != entry.Chunks.Count)
            {
                throw new InvalidOperationException($"Upload {id} expects chunk {entry.Chunks.Count}, not {sequence}.");
            }

            entry.Chunks.Add(chunk.ToArray());
        }

        return Task.CompletedTask;
    }

    public Task CompleteAsync(Guid id, long size, string sha256, CancellationToken cancellationToken)
    {
        var entry = Open(id);
        entry.Completed = new UploadedFile { Id = id, FileName = entry.FileName, Size = size, Sha256 = sha256 };
        return Task.CompletedTask;
    }

    public Task<UploadedFile?> FindAsync(Guid id, CancellationToken cancellationToken)
        => Task.FromResult(_uploads.TryGetValue(id, out var entry) ? entry.Completed : null);

    public async Task CopyToAsync(Guid id, Stream destination, CancellationToken cancellationToken)
    {
        if (!_uploads.TryGetValue(id, out var entry) || entry.Completed is null)
        {
            throw new FileNotFoundException($"There is no complete upload {id}.");
        }

        foreach (var chunk in entry.Chunks)
        {
            await destination.WriteAsync(chunk, cancellationToken);
        }
    }

    public Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken)
        => Task.FromResult(_uploads.TryRemove(id, out _));

    public Task<IReadOnlyList<Guid>> BegunBeforeAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<Guid>>(
            [.. _uploads.Where(u => u.Value.Begun < before).OrderBy(u => u.Value.Begun).Take(limit).Select(u => u.Key)]);

    private Entry Open(Guid id)
        => _uploads.TryGetValue(id, out var entry) && entry.Completed is null
            ? entry
            : throw new InvalidOperationException($"Upload {id} was not begun, or is already complete.");

    private sealed class Entry(string fileName, DateTimeOffset begun)
    {
        public string FileName { get; } = fileName;

        public DateTimeOffset Begun { get; } = begun;

        public List<byte[]> Chunks { get; } = [];

        public UploadedFile? Completed { get; set; }
    }
}
