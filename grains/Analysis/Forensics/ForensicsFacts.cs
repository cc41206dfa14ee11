using System.Globalization;

namespace Amas.Orleans.Analysis.Forensics;

/// <summary>
/// A forensics report as named facts for the task's result: identity and hashes first, then type, entropy, strings
/// and their indicators, then whatever structure the type has. Long lists are cut at <see cref="MaxListed"/>.
/// </summary>
public static class ForensicsFacts
{
    public const int MaxListed = 50;

    /// <param name="fromUpload">
    /// The file is a silo's copy of an upload: its timestamps are the copy's, not the original's, so they are left out.
    /// </param>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> From(ForensicsReport report, bool fromUpload)
    {
        ArgumentNullException.ThrowIfNull(report);
        var facts = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["file_name"] = [report.FileName],
            ["size_bytes"] = [Number(report.Size)],
        };
        if (!fromUpload)
        {
            AddTime(facts, "created_utc", report.CreatedUtc);
            AddTime(facts, "modified_utc", report.ModifiedUtc);
            AddTime(facts, "accessed_utc", report.AccessedUtc);
        }

        facts["md5"] = [report.Hashes.Md5];
        facts["sha1"] = [report.Hashes.Sha1];
        facts["sha256"] = [report.Hashes.Sha256];
        facts["sha512"] = [report.Hashes.Sha512];
        facts["type"] = [report.Type.Name];
        facts["mime"] = [report.Type.Mime];
        facts["extension"] = [report.Type.Extension.Length == 0 ? "none" : report.Type.Extension];
        facts["extension_mismatch"] = [Bool(report.Type.ExtensionMismatch)];
        facts["executable"] = [Bool(report.Type.IsExecutable)];
        facts["entropy_bits_per_byte"] = [report.Entropy.Overall.ToString("0.0000", CultureInfo.InvariantCulture)];
        facts["entropy_hint"] = [report.EntropyHint];
        facts["entropy_high_blocks"] = [string.Create(CultureInfo.InvariantCulture, $"{report.Entropy.HighBlocks} of {report.Entropy.Blocks.Count} blocks of {report.Entropy.BlockSize} bytes")];
        facts["strings_total"] = [Number(report.Strings.Total)];
        facts["strings_sample"] = Cut(report.Strings.Sample.Select(s => s.Value));
        facts["urls"] = Cut(report.Indicators.Urls);
        facts["ip_addresses"] = Cut(report.Indicators.IPv4);
        facts["emails"] = Cut(report.Indicators.Emails);
        facts["suspicious_apis"] = Cut(report.Indicators.SuspiciousApis.Select(a => $"{a.Name}: {a.Why}"));
        AddPe(facts, report.Pe);
        AddElf(facts, report.Elf);
        AddArchive(facts, report.Archive);
        return facts;
    }

    private static void AddPe(Dictionary<string, IReadOnlyList<string>> facts, PeFacts? pe)
    {
        if (pe is null)
        {
            return;
        }

        facts["pe.machine"] = [pe.Machine];
        facts["pe.format"] = [$"{(pe.IsPe32Plus ? "PE32+" : "PE32")} {(pe.IsDll ? "DLL" : "executable")}{(pe.IsManaged ? ", managed (.NET)" : "")}{(pe.IsILOnly ? ", IL only" : "")}"];
        facts["pe.subsystem"] = [pe.Subsystem];
        facts["pe.timestamp"] = [Number(pe.TimeDateStamp)];
        facts["pe.entry_point_rva"] = [string.Create(CultureInfo.InvariantCulture, $"0x{pe.EntryPointRva:x}")];
        facts["pe.sections"] = Cut(pe.Sections.Select(s => string.Create(CultureInfo.InvariantCulture,
            $"{s.Name} {(s.Readable ? "r" : "-")}{(s.Writable ? "w" : "-")}{(s.Executable ? "x" : "-")} virtual {s.VirtualSize} raw {s.RawSize} entropy {s.Entropy:0.00}")));
        facts["pe.imports"] = Cut(pe.Imports.Select(i => i.Functions.Count == 0 ? i.Dll : $"{i.Dll}: {string.Join(", ", i.Functions)}"));
    }

    private static void AddElf(Dictionary<string, IReadOnlyList<string>> facts, ElfFacts? elf)
    {
        if (elf is null)
        {
            return;
        }

        facts["elf.class"] = [string.Create(CultureInfo.InvariantCulture, $"ELF{elf.Class}")];
        facts["elf.endianness"] = [elf.Endianness];
        facts["elf.os_abi"] = [elf.OsAbi];
        facts["elf.type"] = [elf.Type];
        facts["elf.machine"] = [elf.Machine];
        facts["elf.entry"] = [string.Create(CultureInfo.InvariantCulture, $"0x{elf.Entry:x}")];
        facts["elf.program_headers"] = [Number(elf.ProgramHeaderCount)];
        facts["elf.section_headers"] = [Number(elf.SectionHeaderCount)];
    }

    private static void AddArchive(Dictionary<string, IReadOnlyList<string>> facts, ArchiveFacts? archive)
    {
        if (archive is null)
        {
            return;
        }

        facts["archive.format"] = [archive.Format];
        facts["archive.entries"] = [Number(archive.EntryCount)];
        facts["archive.compressed_bytes"] = [Number(archive.TotalCompressedBytes)];
        facts["archive.declared_uncompressed_bytes"] = [Number(archive.TotalUncompressedBytes)];
        facts["archive.max_ratio"] = [archive.MaxRatio.ToString("0.#", CultureInfo.InvariantCulture)];
        facts["archive.bomb_suspected"] = [Bool(archive.BombSuspected)];
        if (archive.BombSuspected)
        {
            facts["archive.bomb_reasons"] = archive.BombReasons;
        }

        facts["archive.listing"] = Cut(archive.Entries.Select(e => string.Create(CultureInfo.InvariantCulture,
            $"{e.Name} ({e.CompressedSize} → {e.UncompressedSize} bytes{(e.Encrypted ? ", encrypted" : "")})")));
        if (archive.PathTraversal.Count > 0)
        {
            facts["archive.path_traversal"] = Cut(archive.PathTraversal);
        }

        if (archive.Error is not null)
        {
            facts["archive.error"] = [archive.Error];
        }
    }

    private static void AddTime(Dictionary<string, IReadOnlyList<string>> facts, string name, DateTimeOffset? time)
    {
        if (time is { } t)
        {
            facts[name] = [t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)];
        }
    }

    private static IReadOnlyList<string> Cut(IEnumerable<string> values)
    {
        var list = values.Take(MaxListed + 1).ToList();
        return list.Count <= MaxListed ? list : [.. list.Take(MaxListed), $"… (list cut at {MaxListed})"];
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Bool(bool value) => value ? "true" : "false";
}
