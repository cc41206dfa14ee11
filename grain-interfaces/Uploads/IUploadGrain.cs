using Amas.Orleans.Tasks;

namespace Amas.Orleans.Uploads;

/// <summary>
/// Writes one uploaded file into the cluster's shared upload storage, chunk by chunk, keyed by the upload id. The
/// gateway streams a request's file part through it, so no whole file is held in memory and a gateway in client mode
/// needs no database of its own. One activation per upload keeps the chunks in order and hashes them as they pass.
/// </summary>
[Alias("amas.IUploadGrain")]
public interface IUploadGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Starts storing a file. False, and nothing changed, when a complete upload with this id is already stored (a
    /// retried submission); an incomplete one left by an interrupted request is discarded and started again.
    /// </summary>
    [Alias("Begin")]
    Task<bool> BeginAsync(string fileName);

    /// <summary>Appends the next chunk; <paramref name="sequence"/> counts from 0 and must follow the previous one.</summary>
    /// <exception cref="UploadTooLargeException">The file has grown past the cluster's limit; what was stored is deleted.</exception>
    [Alias("Append")]
    Task AppendAsync(int sequence, byte[] chunk);

    /// <summary>Marks the file complete and returns what was stored: name, size and SHA-256 of the content.</summary>
    [Alias("Complete")]
    Task<UploadedFile> CompleteAsync();

    /// <summary>The stored file, or null when there is no complete upload with this id.</summary>
    [Alias("Get")]
    Task<UploadedFile?> GetAsync();

    /// <summary>Deletes the upload, complete or not. Nothing happens when there is none.</summary>
    [Alias("Delete")]
    Task DeleteAsync();
}
