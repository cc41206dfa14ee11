namespace Amas.Orleans.Analysis.Forensics;

/// <summary>
/// Analyses one file: facts and timestamps, one streamed pass for hashes, entropy and strings, then the type by
/// magic bytes and the structure the type allows (PE, ELF, ZIP, gzip) read from headers only.
/// </summary>
public sealed class ForensicsAnalyzer(ForensicsOptions options)
{
    public async Task<ForensicsReport> AnalyzeAsync(string path, string? fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new FileNotFoundException("No such file to analyse.", path);
        }

        if (info.Length > options.MaxFileBytes)
        {
            throw new InvalidDataException($"The file has {info.Length} bytes, more than the {options.MaxFileBytes}-byte limit.");
        }

        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        var scan = await ContentScanner.ScanAsync(stream, options.MinStringLength, options.MaxStringsScanned, cancellationToken);
        var type = FileSignatures.Detect(scan.Header, scan.LooksLikeText);
        ArchiveFacts? archive = null;
        PeFacts? pe = null;
        ElfFacts? elf = null;
        if (type == FileSignatures.Zip)
        {
            stream.Position = 0;
            archive = ArchiveInspector.InspectZip(stream, options);
            type = archive.RefinedType ?? type;
        }
        else if (type == FileSignatures.Gzip)
        {
            archive = ArchiveInspector.InspectGzip(stream, options);
        }
        else if (type == FileSignatures.Pe)
        {
            stream.Position = 0;
            pe = PeInspector.Inspect(stream);
        }
        else if (type == FileSignatures.Elf)
        {
            elf = ElfInspector.Inspect(scan.Header);
        }

        var name = fileName ?? Path.GetFileName(path);
        var strings = scan.Strings.Strings;
        var searched = strings.Select(s => s.Value).Concat(pe?.Imports.SelectMany(i => i.Functions) ?? []);
        var report = new ForensicsReport
        {
            FileName = name,
            Size = scan.Length,
            CreatedUtc = info.CreationTimeUtc,
            ModifiedUtc = info.LastWriteTimeUtc,
            AccessedUtc = info.LastAccessTimeUtc,
            Hashes = scan.Hashes,
            Type = new FileTypeVerdict(type.Name, type.Mime, type.IsExecutable, FileSignatures.ExtensionMismatch(name, type), Path.GetExtension(name).ToLowerInvariant()),
            Entropy = scan.Entropy,
            EntropyHint = EntropyHint(scan.Entropy, type),
            Strings = new StringsSummary(
                scan.Strings.Total,
                strings.Count(s => s.Encoding == "ascii"),
                strings.Count(s => s.Encoding != "ascii"),
                strings.Take(options.MaxStringsReported).ToList()),
            Indicators = StringIndicators.Find(searched),
            Pe = pe,
            Elf = elf,
            Archive = archive,
        };
        return report with { Findings = ForensicsFindings.Create(report) };
    }

    public static string EntropyHint(EntropyProfile entropy, FileType type)
    {
        ArgumentNullException.ThrowIfNull(entropy);
        ArgumentNullException.ThrowIfNull(type);
        if (type.IsCompressed)
        {
            return "compressed_format";
        }

        if (entropy.Overall >= ContentScanner.HighEntropy)
        {
            return "packed_or_encrypted";
        }

        return entropy.HighBlocks > 0 && entropy.HighBlocks * 10 >= entropy.Blocks.Count ? "partly_high" : "normal";
    }
}
