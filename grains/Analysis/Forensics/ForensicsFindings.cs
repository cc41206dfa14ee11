using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Forensics;

/// <summary>Suspicious indicators of one file as findings: disguised types, packing, dangerous APIs, archive bombs.</summary>
public static class ForensicsFindings
{
    public const string AgentName = "Forensics";

    public const string Category = "forensics";

    private const int MaxPerIndicatorKind = 25;

    public static IReadOnlyList<Finding> Create(ForensicsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var file = report.FileName;
        var findings = new List<Finding>();
        void Add(string rule, Severity severity, string message, string anchor, string? evidence = null) => findings.Add(new Finding
        {
            Id = FindingFingerprint.Create(rule, report.Hashes.Sha256, anchor),
            Agent = AgentName,
            Sources = [AgentName],
            Rule = rule,
            Severity = severity,
            Category = Category,
            File = file,
            Message = message,
            Evidence = evidence ?? anchor,
        });

        var type = report.Type;
        if (type.ExtensionMismatch)
        {
            Add("forensics.extension-mismatch", type.IsExecutable ? Severity.High : Severity.Medium,
                $"The content is {type.Name} ({type.Mime}) but the name ends in '{type.Extension}'.", $"{type.Name} as {type.Extension}");
        }

        if (type.IsExecutable)
        {
            Add("forensics.executable", Severity.Info, $"The file is executable code ({type.Name}).", type.Name);
        }

        switch (report.EntropyHint)
        {
            case "packed_or_encrypted":
                Add("forensics.high-entropy", type.IsExecutable ? Severity.High : Severity.Medium,
                    $"Entropy {report.Entropy.Overall:0.00} bits/byte in a {type.Name} file that is not a compressed format: packed or encrypted content.",
                    "overall", $"{report.Entropy.Overall:0.0000}");
                break;
            case "partly_high":
                Add("forensics.high-entropy-blocks", Severity.Low,
                    $"{report.Entropy.HighBlocks} of {report.Entropy.Blocks.Count} blocks have entropy above {ContentScanner.HighEntropy}: embedded compressed or encrypted data.",
                    "blocks", $"{report.Entropy.HighBlocks}/{report.Entropy.Blocks.Count}");
                break;
            default:
                break;
        }

        var apis = new Dictionary<string, SuspiciousApi>(StringComparer.Ordinal);
        foreach (var api in report.Indicators.SuspiciousApis)
        {
            apis[api.Name] = api;
        }

        var imported = report.Pe?.Imports.SelectMany(i => i.Functions).ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var api in apis.Values.OrderByDescending(a => a.Severity).ThenBy(a => a.Name, StringComparer.Ordinal))
        {
            var how = imported.Any(f => f.StartsWith(api.Name, StringComparison.Ordinal)) ? "imports" : "names";
            Add("forensics.suspicious-api", api.Severity, $"The file {how} {api.Name}: {api.Why}.", api.Name);
        }

        foreach (var url in report.Indicators.Urls.Take(MaxPerIndicatorKind))
        {
            Add("forensics.embedded-url", Severity.Info, $"Embedded URL {url}.", url);
        }

        foreach (var ip in report.Indicators.IPv4.Take(MaxPerIndicatorKind))
        {
            Add("forensics.embedded-ip", Severity.Low, $"Embedded IP address {ip}.", ip);
        }

        foreach (var email in report.Indicators.Emails.Take(MaxPerIndicatorKind))
        {
            Add("forensics.embedded-email", Severity.Info, $"Embedded email address {email}.", email);
        }

        if (report.Pe is { } pe)
        {
            foreach (var section in pe.Sections.Where(s => s.Writable && s.Executable))
            {
                Add("forensics.pe-writable-executable-section", Severity.Medium,
                    $"Section '{section.Name}' is both writable and executable (self-modifying or unpacked code).", section.Name);
            }

            foreach (var section in pe.Sections.Where(s => PackerSections.Contains(s.Name.ToUpperInvariant())))
            {
                Add("forensics.packer-section", Severity.Medium, $"Section '{section.Name}' is the mark of a packer.", section.Name);
            }
        }

        if (report.Archive is { } archive)
        {
            if (archive.BombSuspected)
            {
                Add("forensics.archive-bomb", Severity.High,
                    $"Decompression bomb suspected ({string.Join("; ", archive.BombReasons)}); not expanded.",
                    "bomb", string.Join("; ", archive.BombReasons));
            }

            foreach (var entry in archive.PathTraversal.Take(MaxPerIndicatorKind))
            {
                Add("forensics.archive-path-traversal", Severity.High, $"Archive entry '{entry}' would be written outside the extraction folder.", entry);
            }

            if (archive.EncryptedEntries > 0)
            {
                Add("forensics.archive-encrypted", Severity.Low, $"{archive.EncryptedEntries} archive entries are encrypted and cannot be inspected.", "encrypted");
            }

            foreach (var nested in archive.NestedArchives.Take(MaxPerIndicatorKind))
            {
                Add("forensics.archive-nested", Severity.Info, $"Archive entry '{nested}' is itself an archive.", nested);
            }
        }

        return findings;
    }

    private static readonly HashSet<string> PackerSections = new(StringComparer.Ordinal)
    {
        "UPX0", "UPX1", "UPX2", ".ASPACK", ".ADATA", ".PACKED", ".THEMIDA", ".VMP0", ".VMP1", ".MPRESS1", ".MPRESS2", ".PETITE", ".NSP0", ".NSP1",
    };
}
