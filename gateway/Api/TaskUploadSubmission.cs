using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text.Json;
using Amas.Orleans.Gateway.Security;
using Amas.Orleans.Gateway.Security.Limits;
using Amas.Orleans.Tasks;
using Amas.Orleans.Uploads;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Amas.Orleans.Gateway.Api;

/// <summary>
/// <c>POST /api/v1/tasks</c> as <c>multipart/form-data</c>: a <c>task</c> part (the JSON of a plain submission) and a
/// <c>file</c> part. The file streams through the cluster's upload grain into shared storage while the gateway hashes
/// it, so no whole file is held anywhere; the task then names the stored upload. An upload no task took (a bad request,
/// a rejected task, a file over the limit) is deleted before the answer goes out.
/// </summary>
public static class TaskUploadSubmission
{
    public const string TaskPart = "task";
    public const string FilePart = "file";

    /// <summary>The task part is a small JSON document; anything bigger is not one.</summary>
    public const int MaxTaskPartBytes = 64 * 1024;

    /// <summary>What a request may carry besides the file: part headers, boundaries and the task part.</summary>
    public const long EnvelopeBytes = 1024 * 1024;

    public static bool IsMultipart(HttpRequest request)
        => MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase);

    /// <summary>The upload limits from <c>Amas:Uploads</c>, checked once when the endpoints are mapped.</summary>
    public static UploadOptions ReadOptions(IConfiguration configuration)
    {
        var options = configuration.GetSection(UploadOptions.SectionName).Get<UploadOptions>() ?? new UploadOptions();
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        return options;
    }

    /// <summary>
    /// The submission endpoint declares the upload's limit (so that the gateway-wide body cap lets an upload through);
    /// a JSON submission is held to that cap all the same.
    /// </summary>
    public static IRequestSizeLimitMetadata SizeLimit(UploadOptions limits) => new UploadSizeLimit(limits.MaxBytes + EnvelopeBytes);

    /// <summary>Holds a body that is not an upload to the gateway-wide cap (<c>Amas:Security:Limits:MaxBodyBytes</c>).</summary>
    public static void CapJsonBody(HttpContext http)
    {
        var cap = (http.RequestServices.GetService<IOptions<RequestLimitSettings>>()?.Value ?? new RequestLimitSettings()).MaxBodyBytes;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = cap;
        }

        if (http.Request.ContentLength > cap)
        {
            throw new BadHttpRequestException($"The request body is {http.Request.ContentLength} bytes; at most {cap} are accepted.", StatusCodes.Status413PayloadTooLarge);
        }
    }

    public static async Task<TaskSnapshot> SubmitAsync(HttpContext http, IClusterClient cluster, UploadOptions limits)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = limits.MaxBytes + EnvelopeBytes;
        }

        var caller = Callers.Of(http);
        var key = http.Request.Headers.TryGetValue(TaskSubmission.IdempotencyHeader, out var values) ? values.ToString() : null;
        // A retried submission must name the same upload, or its spec (and so the task) would differ. A newline never
        // occurs in a valid key, so this id cannot be any task's id.
        var uploadId = key is not null && TaskIds.IsValidIdempotencyKey(key) ? TaskIds.FromIdempotencyKey(caller, "upload\n" + key) : TaskIds.New();
        var upload = new PendingUpload(cluster.GetGrain<IUploadGrain>(uploadId), uploadId);
        try
        {
            var spec = await ReadAsync(http, caller, key, upload, limits);
            return await TaskSubmission.SubmitAsync(http, cluster, (submitter, idempotencyKey) => spec with { Submitter = submitter, IdempotencyKey = idempotencyKey });
        }
        catch (Exception) when (upload.Created)
        {
            await upload.DiscardAsync();
            throw;
        }
    }

    private static async Task<TaskSpec> ReadAsync(HttpContext http, string caller, string? key, PendingUpload upload, UploadOptions limits)
    {
        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(http.Request.ContentType).Boundary).Value;
        if (string.IsNullOrEmpty(boundary) || boundary.Length > 70)
        {
            throw Rejected("", "A multipart/form-data body needs a boundary of 1 to 70 characters.");
        }

        // The file's size is counted below; the reader's own per-part limit would cut at its default instead.
        var reader = new MultipartReader(boundary, http.Request.Body) { BodyLengthLimit = null };
        TaskSpec? spec = null;
        UploadedFile? file = null;
        try
        {
            while (await reader.ReadNextSectionAsync(http.RequestAborted) is { } section)
            {
                switch (PartName(section))
                {
                    case TaskPart when spec is null:
                        spec = TaskRequestReader.Read(await ReadTaskPartAsync(http, section), caller, key);
                        if (spec.Kind != TaskKind.Forensics)
                        {
                            throw Rejected(FilePart, "A file upload applies to forensics tasks only.");
                        }

                        break;
                    case FilePart when file is null:
                        file = await StoreAsync(section, upload, limits, http.RequestAborted);
                        break;
                    case TaskPart or FilePart:
                        throw Rejected(PartName(section)!, "The part was sent twice.");
                    case var other:
                        throw Rejected(other ?? "", $"Unknown part. Known parts: {TaskPart}, {FilePart}.");
                }
            }
        }
        catch (IOException ex) when (ex is not BadHttpRequestException && !http.RequestAborted.IsCancellationRequested)
        {
            throw Rejected("", $"The multipart body could not be read: {ex.Message}");
        }
        catch (InvalidDataException ex)
        {
            throw Rejected("", $"The multipart body is malformed: {ex.Message}");
        }

        var missing = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (spec is null)
        {
            missing[TaskPart] = ["The task part is missing: a JSON submission {\"kind\": \"forensics\", \"options\": …}."];
        }

        if (file is null)
        {
            missing[FilePart] = ["The file part is missing: the file to analyse, with a filename."];
        }

        return missing.Count > 0 ? throw TaskRequestReader.Rejected(missing) : spec! with { Options = spec!.Options with { Upload = file } };
    }

    private static string? PartName(MultipartSection section)
        => ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
            && disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase)
            ? HeaderUtilities.RemoveQuotes(disposition.Name).Value
            : null;

    /// <summary>The same checks as a JSON body (UTF-8, duplicate names, string, array and URL limits), at most <see cref="MaxTaskPartBytes"/>.</summary>
    private static async Task<JsonElement> ReadTaskPartAsync(HttpContext http, MultipartSection section)
    {
        var buffer = new byte[MaxTaskPartBytes + 1];
        var length = await section.Body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, http.RequestAborted);
        if (length > MaxTaskPartBytes)
        {
            throw Rejected(TaskPart, $"The task part is larger than {MaxTaskPartBytes} bytes.");
        }

        return JsonBodyReader.Parse(http, buffer.AsMemory(0, length), TaskPart, "The task part");
    }

    /// <summary>
    /// Streams the file part into the upload grain in chunks, hashing as it goes. When this upload id already holds a
    /// complete file (a retried submission), nothing is stored again: the content is only hashed, and the orchestrator
    /// compares the two submissions.
    /// </summary>
    private static async Task<UploadedFile> StoreAsync(MultipartSection section, PendingUpload upload, UploadOptions limits, CancellationToken cancellationToken)
    {
        var disposition = ContentDispositionHeaderValue.Parse(section.ContentDisposition);
        var name = UploadFileNames.Clean(HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value);
        await upload.BeginAsync(name);

        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        for (var sequence = 0; ; sequence++)
        {
            var chunk = new byte[limits.ChunkBytes];
            var length = await section.Body.ReadAtLeastAsync(chunk, chunk.Length, throwOnEndOfStream: false, cancellationToken);
            if (length == 0)
            {
                break;
            }

            size += length;
            if (size > limits.MaxBytes)
            {
                throw new BadHttpRequestException($"The file is larger than the {limits.MaxBytes}-byte upload limit (Amas:Uploads:MaxBytes).", StatusCodes.Status413PayloadTooLarge);
            }

            var data = length == chunk.Length ? chunk : chunk[..length];
            sha256.AppendData(data);
            await upload.AppendAsync(sequence, data);
        }

        var hash = Convert.ToHexStringLower(sha256.GetHashAndReset());
        var file = new UploadedFile { Id = upload.Id, FileName = name, Size = size, Sha256 = hash };
        if (await upload.CompleteAsync() is { } stored && stored != file)
        {
            throw new InvalidOperationException($"Upload {upload.Id} was stored as {stored.Size} bytes with SHA-256 {stored.Sha256}, not as sent.");
        }

        return file;
    }

    private static TaskRejectedException Rejected(string field, string sentence)
        => TaskRequestReader.Rejected(new() { [field] = [sentence] });

    /// <summary>The upload grain for one request, and whether this request created what it stores.</summary>
    private sealed class PendingUpload(IUploadGrain grain, Guid id)
    {
        public Guid Id { get; } = id;

        public bool Created { get; private set; }

        public async Task BeginAsync(string name) => Created = await grain.BeginAsync(name);

        public async Task AppendAsync(int sequence, byte[] data)
        {
            if (!Created)
            {
                return;
            }

            try
            {
                await grain.AppendAsync(sequence, data);
            }
            catch (UploadTooLargeException ex)
            {
                // The silos' limit is lower than this gateway's: theirs wins.
                throw new BadHttpRequestException(ex.Message, StatusCodes.Status413PayloadTooLarge);
            }
        }

        public async Task<UploadedFile?> CompleteAsync() => Created ? await grain.CompleteAsync() : null;

        /// <summary>Best effort: what cannot be deleted now is an orphan the retention sweep deletes later.</summary>
        public async Task DiscardAsync()
        {
            try
            {
                await grain.DeleteAsync();
            }
            catch (Exception)
            {
                // The original failure is the one to report.
            }
        }
    }

    private sealed record UploadSizeLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
}
