using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Forensics;

/// <summary>What a forensics run asks for: a file, and the name it was uploaded under (for the extension check).</summary>
/// <param name="Path">The file on this silo's disk.</param>
/// <param name="FileName">The name to judge the extension by and to report; the path's file name when null.</param>
/// <param name="IsUpload">
/// True when the host wrote the file itself (an upload copied out of shared storage): the allowed-roots check does not
/// apply, and the agent deletes the file after the analysis. A path a caller supplied must leave it false.
/// </param>
public sealed record ForensicsRequest(string Path, string? FileName = null, bool IsUpload = false);

public sealed record FileTypeVerdict(string Name, string Mime, bool IsExecutable, bool ExtensionMismatch, string Extension);

public sealed record StringsSummary(long Total, int Ascii, int Utf16, IReadOnlyList<ExtractedString> Sample);

/// <summary>Everything a forensics run found about one file.</summary>
public sealed record ForensicsReport
{
    public required string FileName { get; init; }

    public required long Size { get; init; }

    public DateTimeOffset? CreatedUtc { get; init; }

    public DateTimeOffset? ModifiedUtc { get; init; }

    public DateTimeOffset? AccessedUtc { get; init; }

    public required FileHashes Hashes { get; init; }

    public required FileTypeVerdict Type { get; init; }

    public required EntropyProfile Entropy { get; init; }

    /// <summary>"packed_or_encrypted", "compressed_format", "partly_high", or "normal".</summary>
    public required string EntropyHint { get; init; }

    public required StringsSummary Strings { get; init; }

    public required IndicatorSet Indicators { get; init; }

    public PeFacts? Pe { get; init; }

    public ElfFacts? Elf { get; init; }

    public ArchiveFacts? Archive { get; init; }

    public IReadOnlyList<Finding> Findings { get; init; } = [];
}
