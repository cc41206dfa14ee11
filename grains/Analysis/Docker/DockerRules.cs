using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Docker;

/// <summary>The built-in Dockerfile rules.</summary>
public static class DockerRules
{
    public const string ParseRuleId = "AMAS-DOCKER-PARSE";

    public static IReadOnlyList<DockerRule> Default { get; } =
    [
        .. StageRules.Create(),
        .. PackageRules.Create(),
        .. InstructionRules.Create(),
        .. SecretRules.Create(),
        new DockerRule
        {
            Id = ParseRuleId,
            Description = "The Dockerfile should parse",
            Severity = Severity.Medium,
            Check = file => file.Diagnostics.Select(d =>
                new DockerViolation(d.Line, d.Line, d.Message, d.Text, d.Message + "\n" + d.Text)),
        },
    ];
}
