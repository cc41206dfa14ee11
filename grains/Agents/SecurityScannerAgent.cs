using System.Collections.Concurrent;
using Amas.Orleans.Analysis;
using Amas.Orleans.Analysis.Security;
using Amas.Orleans.Analysis.Security.Code;
using Amas.Orleans.Findings;
using Amas.Orleans.Repositories;

namespace Amas.Orleans.Agents;

/// <summary>
/// Layer 1: reports credentials committed to the repository (keys, tokens, passwords in URLs and assignments) and
/// dangerous code (eval on input, shell and SQL built by concatenation, TLS checks off, unsafe deserialisation).
/// </summary>
/// <param name="scanner">Optional so the agent also builds without DI; the default scanner uses the built-in rules.</param>
/// <param name="codeScanner">Likewise for the dangerous-code rules.</param>
public sealed class SecurityScannerAgent(SecretScanner? scanner = null, DangerousCodeScanner? codeScanner = null) : IAgent
{
    private readonly SecretScanner _scanner = scanner ?? new SecretScanner();

    private readonly DangerousCodeScanner _codeScanner = codeScanner ?? new DangerousCodeScanner();

    public AgentDescriptor Descriptor { get; } = new()
    {
        Name = SecretScanner.AgentName,
        Layer = 1,
        Description = "Finds credentials committed to the repository: cloud, VCS, payment and messaging keys, private "
            + "keys, JWTs, database URLs with passwords and secrets assigned in code or configuration; and dangerous "
            + "code (eval, shell and SQL injection, disabled TLS validation, weak password hashes, unsafe "
            + "deserialisation) with CWE ids.",
        Capabilities = ["security"],
    };

    public async Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Repository is null)
        {
            return AgentResult.Empty("no repository to analyse");
        }

        var (policy, configProblem) = await LoadPolicyAsync(context.Repository.Root, cancellationToken);
        var secrets = policy is null ? _scanner : _scanner.WithPolicy(_scanner.Policy.Merge(policy));
        var code = policy is null ? _codeScanner : _codeScanner.WithPolicy(_codeScanner.Policy.Merge(policy));

        var findings = new ConcurrentBag<Finding>();
        var scanned = 0;
        var unreadable = 0;
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(context.Repository.Files, options, async (file, token) =>
        {
            string text;
            try
            {
                text = (await FileText.ReadAsync(file.FullPath, token)).Text;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A file deleted or locked since checkout costs one file, not the whole run.
                Interlocked.Increment(ref unreadable);
                return;
            }

            var source = new SourceFile(file.RelativePath, text);
            foreach (var finding in secrets.Scan(source, token).Concat(code.Scan(source, token)))
            {
                findings.Add(finding);
            }

            Interlocked.Increment(ref scanned);
        });

        var sorted = findings
            .OrderBy(f => f.File, StringComparer.Ordinal)
            .ThenBy(f => f.Line)
            .ThenBy(f => f.Column)
            .ThenBy(f => f.Rule, StringComparer.Ordinal)
            .ToList();
        var live = sorted.Where(f => f.Suppression is null).ToList();
        var secretCount = live.Count(f => f.Category == SecretScanner.Category);
        var codeCount = live.Count - secretCount;
        var suppressed = sorted.Count - live.Count;
        var metrics = new Dictionary<string, double>
        {
            ["files_scanned"] = scanned,
            ["secrets_found"] = secretCount,
            ["dangerous_code_found"] = codeCount,
            ["suppressed_in_source"] = suppressed,
            ["files_unreadable"] = unreadable,
            ["config_invalid"] = configProblem is null ? 0 : 1,
        };
        return new AgentResult(sorted, metrics, Summarise(scanned, live, secretCount, codeCount, suppressed, configProblem));
    }

    /// <summary>
    /// The repository's own policy file, if any. A broken file does not stop the scan (the built-in policy still
    /// applies) but is reported, so that an allowlist silently not applying is never the outcome.
    /// </summary>
    private static async Task<(SecretScanPolicy? Policy, string? Problem)> LoadPolicyAsync(string root, CancellationToken cancellationToken)
    {
        try
        {
            return (await SecretConfigFile.LoadAsync(root, cancellationToken), null);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return (null, e.Message);
        }
    }

    private static string Summarise(int scanned, List<Finding> findings, int secretCount, int codeCount, int suppressed, string? configProblem)
    {
        var affectedFiles = findings.Select(f => f.File).Distinct(StringComparer.Ordinal).Count();
        var summary = findings.Count == 0
            ? $"Scanned {scanned} files and found no committed secrets."
            : $"Scanned {scanned} files and found {secretCount} possible secrets"
                + (codeCount > 0 ? $" and {codeCount} dangerous code patterns" : "")
                + $" in {affectedFiles} files.";
        if (suppressed > 0)
        {
            summary += $" {suppressed} more marked {SecretScanner.IgnoreMarker} are reported suppressed.";
        }

        return configProblem is null ? summary : $"{summary} The repository's {SecretConfigFile.FileName} was ignored: {configProblem}";
    }
}
