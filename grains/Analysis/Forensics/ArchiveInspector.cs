using System.Buffers.Binary;
using System.IO.Compression;

namespace Amas.Orleans.Analysis.Forensics;

public sealed record ArchiveEntry(string Name, long CompressedSize, long UncompressedSize, double Ratio, bool Encrypted);

public sealed record ArchiveFacts
{
    public required string Format { get; init; }

    public int EntryCount { get; init; }

    public long TotalCompressedBytes { get; init; }

    /// <summary>As the archive declares it; never verified by expanding anything.</summary>
    public long TotalUncompressedBytes { get; init; }

    public double MaxRatio { get; init; }

    public IReadOnlyList<ArchiveEntry> Entries { get; init; } = [];

    public bool EntriesTruncated { get; init; }

    public IReadOnlyList<string> BombReasons { get; init; } = [];

    public bool BombSuspected => BombReasons.Count > 0;

    public IReadOnlyList<string> PathTraversal { get; init; } = [];

    public IReadOnlyList<string> NestedArchives { get; init; } = [];

    public int EncryptedEntries { get; init; }

    /// <summary>A container type recognised by its entries (docx, xlsx, pptx, jar, apk), else null.</summary>
    public FileType? RefinedType { get; init; }

    public string? Error { get; init; }
}

/// <summary>
/// Lists ZIP archives from their central directory and reads a gzip member's declared size from its trailer, without
/// ever decompressing: sizes and ratios come from the headers, so a bomb is reported and never expanded.
/// </summary>
public static class ArchiveInspector
{
    private static readonly string[] ArchiveExtensions = [".zip", ".gz", ".tgz", ".7z", ".rar", ".jar", ".apk", ".tar", ".xz", ".bz2"];

    public static ArchiveFacts InspectZip(Stream stream, ForensicsOptions options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            return new ArchiveFacts { Format = "zip", Error = e.Message };
        }

        using (archive)
        {
            var entries = new List<ArchiveEntry>();
            var names = new HashSet<string>(StringComparer.Ordinal);
            List<string> traversal = [], nested = [], reasons = [];
            long compressed = 0, uncompressed = 0;
            double maxRatio = 0;
            int count = 0, encrypted = 0;
            var truncated = false;
            foreach (var entry in archive.Entries)
            {
                if (count >= options.MaxArchiveEntries)
                {
                    truncated = true;
                    reasons.Add($"more than {options.MaxArchiveEntries} entries");
                    break;
                }

                count++;
                compressed += entry.CompressedLength;
                uncompressed += entry.Length;
                var ratio = entry.CompressedLength > 0 ? (double)entry.Length / entry.CompressedLength : entry.Length > 0 ? double.PositiveInfinity : 0;
                maxRatio = Math.Max(maxRatio, ratio);
                if (ratio > options.MaxCompressionRatio && entry.Length > 1024 * 1024)
                {
                    reasons.Add($"entry '{entry.FullName}' expands {ratio:0}× ({entry.CompressedLength} → {entry.Length} bytes)");
                }

                if (entry.IsEncrypted)
                {
                    encrypted++;
                }

                var name = entry.FullName.Replace('\\', '/');
                names.Add(name);
                if (name.StartsWith('/') || name.Split('/').Contains("..") || (name.Length > 1 && name[1] == ':'))
                {
                    traversal.Add(entry.FullName);
                }

                if (ArchiveExtensions.Contains(Path.GetExtension(name).ToLowerInvariant()))
                {
                    nested.Add(entry.FullName);
                }

                if (entries.Count < options.MaxEntriesReported)
                {
                    entries.Add(new ArchiveEntry(entry.FullName, entry.CompressedLength, entry.Length, Math.Round(ratio, 2), entry.IsEncrypted));
                }
            }

            if (uncompressed > options.MaxTotalUncompressedBytes)
            {
                reasons.Add($"declares {uncompressed} bytes uncompressed, above the {options.MaxTotalUncompressedBytes}-byte cap");
            }

            return new ArchiveFacts
            {
                Format = "zip",
                EntryCount = count,
                TotalCompressedBytes = compressed,
                TotalUncompressedBytes = uncompressed,
                MaxRatio = double.IsInfinity(maxRatio) ? double.MaxValue : Math.Round(maxRatio, 2),
                Entries = entries,
                EntriesTruncated = truncated || count > entries.Count,
                BombReasons = reasons,
                PathTraversal = traversal,
                NestedArchives = nested,
                EncryptedEntries = encrypted,
                RefinedType = Refine(names),
            };
        }
    }

    /// <summary>A gzip member's ISIZE trailer: the uncompressed size modulo 2³².</summary>
    public static ArchiveFacts InspectGzip(Stream stream, ForensicsOptions options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        if (stream.Length < 18)
        {
            return new ArchiveFacts { Format = "gzip", Error = "too short for a gzip member" };
        }

        Span<byte> trailer = stackalloc byte[4];
        stream.Seek(-4, SeekOrigin.End);
        stream.ReadExactly(trailer);
        long declared = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
        var ratio = Math.Round((double)declared / stream.Length, 2);
        var reasons = new List<string>();
        if (ratio > options.MaxCompressionRatio && declared > 1024 * 1024)
        {
            reasons.Add($"expands {ratio:0}× ({stream.Length} → {declared} bytes, modulo 4 GiB)");
        }

        if (declared > options.MaxTotalUncompressedBytes)
        {
            reasons.Add($"declares {declared} bytes uncompressed, above the {options.MaxTotalUncompressedBytes}-byte cap");
        }

        return new ArchiveFacts
        {
            Format = "gzip",
            EntryCount = 1,
            TotalCompressedBytes = stream.Length,
            TotalUncompressedBytes = declared,
            MaxRatio = ratio,
            BombReasons = reasons,
        };
    }

    private static FileType? Refine(HashSet<string> names)
    {
        if (names.Contains("[Content_Types].xml"))
        {
            if (names.Any(n => n.StartsWith("word/", StringComparison.Ordinal)))
            {
                return FileSignatures.Docx;
            }

            if (names.Any(n => n.StartsWith("xl/", StringComparison.Ordinal)))
            {
                return FileSignatures.Xlsx;
            }

            if (names.Any(n => n.StartsWith("ppt/", StringComparison.Ordinal)))
            {
                return FileSignatures.Pptx;
            }
        }

        if (names.Contains("AndroidManifest.xml") && names.Contains("classes.dex"))
        {
            return FileSignatures.Apk;
        }

        return names.Contains("META-INF/MANIFEST.MF") ? FileSignatures.Jar : null;
    }
}
