using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Docker;

/// <summary>Parses a Dockerfile and runs every rule over it.</summary>
public sealed class DockerfileAnalyzer(IReadOnlyList<DockerRule>? rules = null)
{
    private readonly IReadOnlyList<DockerRule> _rules = rules ?? DockerRules.Default;

    public IReadOnlyList<DockerRule> Rules => _rules;

    public DockerfileAnalysis Analyze(SourceFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        var dockerfile = DockerfileParser.Parse(file.Text);
        var violations = new List<(string, Severity, DockerViolation)>();
        foreach (var rule in _rules)
        {
            cancellationToken.ThrowIfCancellationRequested();
            violations.AddRange(rule.Check(dockerfile).Select(v => (rule.Id, rule.Severity, v)));
        }

        return new DockerfileAnalysis(dockerfile, DockerFindings.Create(file.Path, violations));
    }
}
