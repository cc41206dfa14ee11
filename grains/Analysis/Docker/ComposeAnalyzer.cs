using Amas.Orleans.Findings;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Amas.Orleans.Analysis.Docker;

/// <summary>Reads a compose file and runs every compose rule over each service. Never throws on malformed YAML.</summary>
public sealed class ComposeAnalyzer(IReadOnlyList<ComposeRule>? rules = null)
{
    private readonly IReadOnlyList<ComposeRule> _rules = rules ?? ComposeRules.Default;

    public IReadOnlyList<ComposeRule> Rules => _rules;

    public ComposeAnalysis Analyze(SourceFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        var violations = new List<(string, Severity, DockerViolation)>();
        var services = new List<ComposeService>();
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(file.Text));
            services.AddRange(stream.Documents.SelectMany(Services));
        }
        catch (YamlException e)
        {
            var line = (int)Math.Max(1, e.Start.Line);
            violations.Add((ComposeRules.ParseRuleId, Severity.Medium, new DockerViolation(
                line, line, $"The compose file is not valid YAML: {e.Message}", e.Message, e.Message)));
        }

        foreach (var service in services)
        {
            foreach (var rule in _rules)
            {
                cancellationToken.ThrowIfCancellationRequested();
                violations.AddRange(rule.Check(service).Select(v => (rule.Id, rule.Severity, v)));
            }
        }

        return new ComposeAnalysis(services.Count, DockerFindings.Create(file.Path, violations));
    }

    private static IEnumerable<ComposeService> Services(YamlDocument document)
    {
        if (document.RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("services"), out var node)
            || node is not YamlMappingNode services)
        {
            return [];
        }

        return services.Children
            .Where(pair => pair.Key is YamlScalarNode { Value: not null } && pair.Value is YamlMappingNode)
            .Select(pair => new ComposeService(((YamlScalarNode)pair.Key).Value!, (YamlMappingNode)pair.Value));
    }
}
