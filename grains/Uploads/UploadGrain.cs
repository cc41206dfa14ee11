using System.Security.Cryptography;
using Amas.Orleans.Tasks;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Uploads;

/// <summary>
/// Streams one upload into the <see cref="IUploadStore"/>. The running size and SHA-256 live in the activation: an
/// upload is one request, so an activation lost mid-way fails that request (the next chunk finds nothing begun) and
/// the client sends the file again.
/// </summary>
internal sealed class UploadGrain(IUploadStore store, IOptions<UploadOptions> options) : Grain, IUploadGrain
{
    private IncrementalHash? _hash;
    private string _fileName = UploadFileNames.Fallback;
    private long _size;
    private int _next;

    private Guid Id => this.GetPrimaryKey();

    public async Task<bool> BeginAsync(string fileName)
    {
        Reset();
        var name = UploadFileNames.Clean(fileName);
        if (!await store.BeginAsync(Id, name, CancellationToken.None))
        {
            return false;
        }

        _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        _fileName = name;
        return true;
    }

    public async Task AppendAsync(int sequence, byte[] chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        if (_hash is null || sequence != _next)
        {
            throw new InvalidOperationException($"Upload {Id} expected chunk {_next} of an upload in progress, got {sequence}.");
        }

        var max = options.Value.MaxBytes;
        if (_size + chunk.Length > max)
        {
            await DeleteAsync();
            throw new UploadTooLargeException(max);
        }

        await store.AppendAsync(Id, sequence, chunk, CancellationToken.None);
        _hash.AppendData(chunk);
        _size += chunk.Length;
        _next++;
    }

    public async Task<UploadedFile> CompleteAsync()
    {
        if (_hash is null)
        {
            throw new InvalidOperationException($"Upload {Id} is not in progress.");
        }

        var sha256 = Convert.ToHexStringLower(_hash.GetHashAndReset());
        await store.CompleteAsync(Id, _size, sha256, CancellationToken.None);
        var stored = new UploadedFile { Id = Id, FileName = _fileName, Size = _size, Sha256 = sha256 };
        Reset();
        DeactivateOnIdle();
        return stored;
    }

    public Task<UploadedFile?> GetAsync() => store.FindAsync(Id, CancellationToken.None);

    public async Task DeleteAsync()
    {
        Reset();
        await store.DeleteAsync(Id, CancellationToken.None);
        DeactivateOnIdle();
    }

    private void Reset()
    {
        _hash?.Dispose();
        _hash = null;
        _size = 0;
        _next = 0;
    }
}
