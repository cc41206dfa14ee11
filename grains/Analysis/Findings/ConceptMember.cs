using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Findings;

/// <summary>
/// Which of one agent's rules stand for a concept: by rule id or id prefix (<see cref="RulePattern"/>), or by the
/// weakness (CWE) the rule is an instance of, so a new rule of that CWE joins without touching the table.
/// </summary>
public sealed record ConceptMember
{
    private ConceptMember(string agent, RulePattern? rule, string? cwe)
    {
        Agent = agent;
        Rule = rule;
        Cwe = cwe;
    }

    public string Agent { get; }

    public RulePattern? Rule { get; }

    public string? Cwe { get; }

    public static ConceptMember Rules(string agent, string rulePattern) => new(agent, new RulePattern(rulePattern), null);

    public static ConceptMember Weakness(string agent, string cwe) => new(agent, null, cwe);

    public bool Matches(Finding finding)
        => string.Equals(finding.Agent, Agent, StringComparison.Ordinal)
            && (Rule is { } rule ? rule.Matches(finding.Rule) : RuleWeaknesses.Of(finding.Rule) == Cwe);

    /// <summary>The rules, as the docs show them after the agent's name: <c>`secret/*`</c>, <c>rules of CWE-295</c>.</summary>
    public override string ToString() => Rule is { } rule ? $"`{rule}`" : $"rules of {Cwe}";
}
