using System.Globalization;
using Amas.Orleans.Analysis.Forensics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Agents;

/// <summary>
/// Analyses one file (an upload or a path under an allowed root): hashes, type by magic bytes, entropy, strings and
/// their indicators, PE/ELF headers, archives listed without expanding them.
/// </summary>
public sealed partial class ForensicsAgent(
    IOptions<ForensicsOptions> options,
    IForensicsInputs? inputs = null,
    IForensicsReportSink? sink = null,
    ILogger<ForensicsAgent>? logger = null) : IAgent
{
    private readonly ForensicsOptions _options = (options ?? throw new ArgumentNullException(nameof(options))).Value;
    private readonly IForensicsInputs _inputs = inputs ?? DelegateForensicsInputs.None;
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;

    public AgentDescriptor Descriptor { get; } = new()
    {
        Name = ForensicsFindings.AgentName,
        Layer = 1,
        Description = "Analyses a file: size and timestamps, MD5/SHA-1/SHA-256/SHA-512, type by magic bytes with an "
            + "extension check, entropy overall and per block, ASCII and UTF-16 strings with URLs, IPs, emails and "
            + "suspicious API names, PE and ELF headers, and archive listings with a zip-bomb guard.",
        Capabilities = ["forensics"],
        ReadsRepository = false,
    };

    /// <summary>The full structured report for a request; throws <see cref="UnauthorizedAccessException"/> for a path outside the allowed roots.</summary>
    public Task<ForensicsReport> AnalyzeAsync(ForensicsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.IsUpload
            ? request.Path
            : ForensicsPathPolicy.Resolve(request.Path, _options.AllowedRoots)
                ?? throw new UnauthorizedAccessException($"'{request.Path}' is not under an allowed root.");
        return new ForensicsAnalyzer(_options).AnalyzeAsync(path, request.FileName ?? Path.GetFileName(request.Path), cancellationToken);
    }

    public async Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = await _inputs.ResolveAsync(context, cancellationToken);
        if (request is null)
        {
            return AgentResult.Empty("no file to analyse");
        }

        ForensicsReport report;
        try
        {
            report = await AnalyzeAsync(request, cancellationToken);
        }
        finally
        {
            if (request.IsUpload)
            {
                // The host's scratch copy of an upload: the stored upload stays until the task is purged.
                File.Delete(request.Path);
            }
        }

        LogAnalysed(_logger, context.TaskId, report.FileName, report.Type.Name, report.Findings.Count);
        if (sink is not null)
        {
            await sink.StoreAsync(context.TaskId, report, cancellationToken);
        }

        return ToResult(report, request.IsUpload);
    }

    /// <param name="fromUpload">The analysed file was a scratch copy of an upload, whose timestamps mean nothing.</param>
    public static AgentResult ToResult(ForensicsReport report, bool fromUpload = false)
    {
        ArgumentNullException.ThrowIfNull(report);
        var metrics = new Dictionary<string, double>
        {
            ["size_bytes"] = report.Size,
            ["entropy"] = report.Entropy.Overall,
            ["entropy_blocks"] = report.Entropy.Blocks.Count,
            ["entropy_high_blocks"] = report.Entropy.HighBlocks,
            ["extension_mismatch"] = report.Type.ExtensionMismatch ? 1 : 0,
            ["strings"] = report.Strings.Total,
            ["urls"] = report.Indicators.Urls.Count,
            ["ip_addresses"] = report.Indicators.IPv4.Count,
            ["emails"] = report.Indicators.Emails.Count,
            ["suspicious_apis"] = report.Indicators.SuspiciousApis.Count,
            ["pe_sections"] = report.Pe?.Sections.Count ?? 0,
            ["pe_imported_dlls"] = report.Pe?.Imports.Count ?? 0,
            ["elf_sections"] = report.Elf?.SectionHeaderCount ?? 0,
            ["archive_entries"] = report.Archive?.EntryCount ?? 0,
            ["archive_bomb_suspected"] = report.Archive?.BombSuspected == true ? 1 : 0,
            ["findings"] = report.Findings.Count,
        };
        var structure = report switch
        {
            { Pe: { } pe } => $" PE {pe.Machine}, {pe.Sections.Count} sections, {pe.Imports.Count} imported DLLs{(pe.IsManaged ? ", managed" : "")}.",
            { Elf: { } elf } => $" ELF{elf.Class} {elf.Endianness}-endian {elf.Machine} {elf.Type}, {elf.SectionHeaderCount} sections.",
            { Archive: { } a } => $" {a.Format} archive: {a.EntryCount} entries, {a.TotalUncompressedBytes} bytes declared uncompressed{(a.BombSuspected ? ", BOMB SUSPECTED (not expanded)" : "")}.",
            _ => "",
        };
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{report.FileName}: {report.Size} bytes, {report.Type.Name} ({report.Type.Mime}){(report.Type.ExtensionMismatch ? ", extension mismatch" : "")}. ")
            + $"SHA-256 {report.Hashes.Sha256}, MD5 {report.Hashes.Md5}. "
            + string.Create(CultureInfo.InvariantCulture, $"Entropy {report.Entropy.Overall:0.000} bits/byte ({report.EntropyHint}). ")
            + string.Create(CultureInfo.InvariantCulture, $"{report.Strings.Total} strings, {report.Indicators.Urls.Count} URLs, {report.Indicators.IPv4.Count} IPs, ")
            + $"suspicious APIs: {(report.Indicators.SuspiciousApis.Count == 0 ? "none" : string.Join(", ", report.Indicators.SuspiciousApis.Select(a => a.Name)))}."
            + structure;
        return new AgentResult(report.Findings, metrics, summary, ForensicsFacts.From(report, fromUpload));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Task {TaskId}: Forensics analysed {File} ({Type}): {Findings} findings")]
    private static partial void LogAnalysed(ILogger logger, Guid taskId, string file, string type, int findings);
}
