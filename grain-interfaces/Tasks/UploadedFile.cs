namespace Amas.Orleans.Tasks;

/// <summary>
/// A file uploaded with a task and kept in shared storage under <see cref="Id"/>, so any silo can read it. Size and
/// SHA-256 are of the stored content, computed while it was stored.
/// </summary>
[GenerateSerializer, Immutable, Alias("amas.UploadedFile")]
public sealed record UploadedFile
{
    [Id(0)] public required Guid Id { get; init; }
    /// <summary>The name it was uploaded under (no directories): reported, and judged by its extension.</summary>
    [Id(1)] public required string FileName { get; init; }
    [Id(2)] public required long Size { get; init; }
    /// <summary>Lower-case hex.</summary>
    [Id(3)] public required string Sha256 { get; init; }
}
