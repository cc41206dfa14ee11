using System.ComponentModel.DataAnnotations;

namespace Amas.Orleans.Uploads;

/// <summary>Files uploaded with tasks (configuration section <c>Amas:Uploads</c>), read by the gateway and the silos.</summary>
public sealed class UploadOptions
{
    public const string SectionName = "Amas:Uploads";

    /// <summary>The largest file accepted; a larger one is refused with 413 and nothing of it is kept.</summary>
    [Range(1, 2L * 1024 * 1024 * 1024)]
    public long MaxBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>How much of a file travels in one grain call and is stored as one row.</summary>
    [Range(4096, 16 * 1024 * 1024)]
    public int ChunkBytes { get; set; } = 1024 * 1024;

    /// <summary>Where a silo copies an upload out of shared storage to analyse it; the copy is deleted after the run.</summary>
    [Required]
    public string ScratchDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "amas", "uploads");
}
