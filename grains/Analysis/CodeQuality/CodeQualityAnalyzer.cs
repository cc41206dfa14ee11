namespace Amas.Orleans.Analysis.CodeQuality;

/// <summary>
/// One source file in, its metrics and code-quality findings out, plus the fingerprints copy detection needs.
/// Copies are found across files afterwards, in one final pass over every file's fingerprints
/// (<see cref="FindDuplicatesAsync"/>), which reads again only the files that share fingerprints.
/// </summary>
public sealed class CodeQualityAnalyzer(CodeQualityOptions options)
{
    private readonly CodeQualityRules _rules = new(options);
    private readonly Winnowing _winnowing = new(options.DuplicateMinTokens);

    public CodeQualityReport Analyze(SourceFile file, CancellationToken cancellationToken = default)
    {
        var reading = CodeMetricsReader.ReadWithTokens(file, cancellationToken);
        var report = new CodeQualityReport(reading.Metrics, _rules.Evaluate(reading.Metrics));
        if (!options.ReportDuplicates || reading.Tokens.Count == 0)
        {
            return report;
        }

        if (GeneratedCode.IsGeneratedOrMinified(file))
        {
            return report with { GeneratedOrMinified = true };
        }

        var tokens = CloneTokens.From(file.Text, reading.Tokens, reading.Lines, reading.Metrics.Language);
        var marks = _winnowing.Select(tokens, cancellationToken);
        return report with { Clones = new CloneFingerprints(file.Path, tokens.Count, tokens.Checksum(), marks) };
    }

    /// <summary>The final pass: copies among the files whose fingerprints are given, as regions and findings.</summary>
    /// <param name="readAgain">The text of a file, read again (null when it is gone).</param>
    public async Task<DuplicationReport> FindDuplicatesAsync(
        IReadOnlyList<CloneFingerprints> files,
        Func<string, CancellationToken, ValueTask<string?>> readAgain,
        CancellationToken cancellationToken = default)
    {
        var finder = new DuplicationFinder(options.DuplicateMinTokens, options.DuplicateMinLines);
        var regions = await finder.FindAsync(files, async (file, token) =>
            await readAgain(file.Path, token) is { } text
                ? CloneTokenizer.Read(new SourceFile(file.Path, text), token)
                : null,
            cancellationToken);
        return new DuplicationReport(
            DuplicateCodeFindings.From(regions, options.DuplicateMinTokens),
            regions.Sum(r => r.Span.Lines));
    }
}
