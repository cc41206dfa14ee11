using System.ComponentModel.DataAnnotations;

namespace Amas.Orleans.Analysis.Forensics;

/// <summary>Limits of the forensics analysis and where files may come from.</summary>
public sealed class ForensicsOptions
{
    public const string SectionName = "Amas:Forensics";

    /// <summary>Directories a requested path must lie under (after resolving links). Empty: no path is accepted.</summary>
    public IList<string> AllowedRoots { get; init; } = [];

    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    [Range(4, 64)]
    public int MinStringLength { get; set; } = 6;

    /// <summary>Strings kept in the report; indicators are still searched in all of them up to <see cref="MaxStringsScanned"/>.</summary>
    [Range(0, 100_000)]
    public int MaxStringsReported { get; set; } = 200;

    [Range(1, 10_000_000)]
    public int MaxStringsScanned { get; set; } = 200_000;

    /// <summary>A zip entry expanding more than this many times its compressed size is a bomb suspect.</summary>
    [Range(2, 100_000)]
    public int MaxCompressionRatio { get; set; } = 100;

    /// <summary>Total declared uncompressed size of an archive above which it is a bomb suspect.</summary>
    [Range(1, long.MaxValue)]
    public long MaxTotalUncompressedBytes { get; set; } = 1L * 1024 * 1024 * 1024;

    [Range(1, 1_000_000)]
    public int MaxArchiveEntries { get; set; } = 10_000;

    /// <summary>Entries listed in the report (all are counted).</summary>
    [Range(0, 100_000)]
    public int MaxEntriesReported { get; set; } = 500;
}
