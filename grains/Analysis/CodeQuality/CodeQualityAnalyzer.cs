namespace Amas.Orleans.Analysis.CodeQuality;

/// <summary>One source file in, its metrics and code-quality findings out.</summary>
public sealed class CodeQualityAnalyzer(CodeQualityOptions options)
{
    private readonly CodeQualityRules _rules = new(options);

    public CodeQualityReport Analyze(SourceFile file, CancellationToken cancellationToken = default)
    {
        var metrics = CodeMetricsReader.Read(file, cancellationToken);
        return new CodeQualityReport(metrics, _rules.Evaluate(metrics));
    }
}
