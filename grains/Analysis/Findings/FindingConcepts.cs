using Amas.Orleans.Analysis.CodeQuality;
using Amas.Orleans.Analysis.Dependencies;
using Amas.Orleans.Analysis.Docker;
using Amas.Orleans.Analysis.Documentation;
using Amas.Orleans.Analysis.Performance;
using Amas.Orleans.Analysis.Security;
using Amas.Orleans.Analysis.Security.Code;
using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Findings;

/// <summary>
/// The concept table: which rules of which agents describe the same problem. Read from the Layer 1 rule sets: the
/// only problem two of today's agents both report is a credential written into a Dockerfile or compose file (the
/// SecurityScanner's secret rules and the DockerMonitor's ENV/ARG and environment rules). The other rows fix each
/// concept's authority and are where a second agent's rule joins. Two agents reporting on one construct under
/// different concepts (a complex function holding a blocking wait: CodeQualityInspector and PerformanceAnalyzer; a
/// vulnerable package and a token on one manifest line) saw two problems, and stay two findings.
/// </summary>
public static class FindingConcepts
{
    public static IReadOnlyList<FindingConcept> Table { get; } =
    [
        new("hard-coded-credential", "a credential written into the repository, in code, configuration or an image's ENV/ARG",
            SecretScanner.AgentName, "CWE-798",
            [
                ConceptMember.Rules(SecretScanner.AgentName, "secret/*"),
                ConceptMember.Rules(DockerFindings.AgentName, "AMAS-DOCKER-SECRET"),
                ConceptMember.Rules(DockerFindings.AgentName, "AMAS-COMPOSE-SECRET"),
            ]),
        new("tls-validation-disabled", "certificate checks switched off", SecretScanner.AgentName, "CWE-295",
            [ConceptMember.Weakness(SecretScanner.AgentName, "CWE-295")]),
        new("vulnerable-dependency", "a dependency version named by a security advisory", DependencyFindings.AgentName, "CWE-1395",
            [ConceptMember.Rules(DependencyFindings.AgentName, "*")]),
        new("unpinned-image", "a base or service image without a fixed tag or digest", DockerFindings.AgentName, null,
            [
                ConceptMember.Rules(DockerFindings.AgentName, "DL3006"),
                ConceptMember.Rules(DockerFindings.AgentName, "DL3007"),
                ConceptMember.Rules(DockerFindings.AgentName, "AMAS-COMPOSE-LATEST"),
                ConceptMember.Rules(DockerFindings.AgentName, "AMAS-COMPOSE-UNTAGGED"),
            ]),
        new("sync-over-async", "a thread blocked waiting on asynchronous work", PerformanceFindings.AgentName, null,
            [ConceptMember.Rules(PerformanceFindings.AgentName, PerformanceRuleIds.SyncOverAsync)]),
        new("complex-function", "a function too long, branchy or nested to read", CodeQualityRules.AgentName, null,
            [
                ConceptMember.Rules(CodeQualityRules.AgentName, CodeQualityRuleIds.CyclomaticComplexity),
                ConceptMember.Rules(CodeQualityRules.AgentName, CodeQualityRuleIds.LongFunction),
                ConceptMember.Rules(CodeQualityRules.AgentName, CodeQualityRuleIds.DeepNesting),
                ConceptMember.Rules(CodeQualityRules.AgentName, CodeQualityRuleIds.MaintainabilityIndex),
            ]),
    ];

    /// <summary>For findings merged by place (same line and category): the agent whose category it is.</summary>
    public static IReadOnlyDictionary<string, string> CategoryAuthorities { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [SecretScanner.Category] = SecretScanner.AgentName,
        [DangerousCodeScanner.Category] = SecretScanner.AgentName,
        [DockerFindings.Category] = DockerFindings.AgentName,
        [DependencyFindings.Category] = DependencyFindings.AgentName,
        [PerformanceFindings.Category] = PerformanceFindings.AgentName,
        [CodeQualityRules.Category] = CodeQualityRules.AgentName,
        [DocumentationFindings.Category] = DocumentationFindings.AgentName,
    };

    /// <summary>The first concept of the table covering the finding, or null.</summary>
    public static FindingConcept? Of(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        foreach (var concept in Table)
        {
            if (concept.Covers(finding))
            {
                return concept;
            }
        }

        return null;
    }
}
