using Amas.Orleans.Tasks;

namespace Amas.Orleans.Uploads;

/// <summary>
/// Where uploaded files live until their task is purged: storage every silo shares (PostgreSQL in a durable cluster,
/// the silo's memory in the embedded default). Content goes in and out in chunks, never as one buffer.
/// </summary>
public interface IUploadStore
{
    /// <summary>
    /// Starts an upload. False, and nothing changed, when a complete upload with this id exists; an incomplete one
    /// (an interrupted request) is discarded first.
    /// </summary>
    Task<bool> BeginAsync(Guid id, string fileName, CancellationToken cancellationToken);

    /// <summary>Stores chunk number <paramref name="sequence"/> (from 0) of an upload that was begun and not completed.</summary>
    Task AppendAsync(Guid id, int sequence, ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken);

    /// <summary>Marks the upload complete with its size and SHA-256; only then can it be found and read.</summary>
    Task CompleteAsync(Guid id, long size, string sha256, CancellationToken cancellationToken);

    /// <summary>A complete upload, or null.</summary>
    Task<UploadedFile?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Writes a complete upload's content to <paramref name="destination"/>, chunk by chunk.</summary>
    /// <exception cref="FileNotFoundException">There is no complete upload with this id.</exception>
    Task CopyToAsync(Guid id, Stream destination, CancellationToken cancellationToken);

    /// <summary>Deletes an upload, complete or not; false when there was none.</summary>
    Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Uploads begun before <paramref name="before"/>, oldest first (the retention sweep's orphans).</summary>
    Task<IReadOnlyList<Guid>> BegunBeforeAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken);
}
