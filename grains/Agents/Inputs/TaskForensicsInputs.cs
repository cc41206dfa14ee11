using Amas.Orleans.Analysis.Forensics;
using Amas.Orleans.Tasks;
using Amas.Orleans.Uploads;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Agents.Inputs;

/// <summary>
/// A forensics task's file. An upload is copied out of the shared store into this silo's scratch directory (the agent
/// deletes the copy after the run); a file_path is handed on as given, and the agent checks it against the allowed
/// roots again right before opening it.
/// </summary>
public sealed class TaskForensicsInputs(IUploadStore uploads, IOptions<UploadOptions> options) : IForensicsInputs
{
    public async ValueTask<ForensicsRequest?> ResolveAsync(AgentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Work.Kind != TaskKind.Forensics)
        {
            return null;
        }

        var task = context.Work.Options;
        if (task.Upload is not { } upload)
        {
            return task.FilePath is { Length: > 0 } path ? new ForensicsRequest(path) : null;
        }

        var scratch = options.Value.ScratchDirectory;
        Directory.CreateDirectory(scratch);
        // Named by ids only: the uploaded name is the caller's text and never becomes a path.
        var copy = Path.Combine(scratch, $"{context.TaskId:N}-{upload.Id:N}");
        try
        {
            await using (var file = new FileStream(copy, ScratchFile()))
            {
                await uploads.CopyToAsync(upload.Id, file, cancellationToken);
            }

            var copied = new FileInfo(copy).Length;
            if (copied != upload.Size)
            {
                throw new InvalidDataException($"Upload {upload.Id} read back {copied} bytes; {upload.Size} were stored.");
            }
        }
        catch
        {
            File.Delete(copy);
            throw;
        }

        return new ForensicsRequest(copy, upload.FileName, IsUpload: true);
    }

    /// <summary>Readable by the silo's user only: an upload may be anything, including someone's private data.</summary>
    private static FileStreamOptions ScratchFile()
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            Share = FileShare.None,
            Options = FileOptions.Asynchronous,
            BufferSize = 81920,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return options;
    }
}
