using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Findings;

/// <summary>One row of the severity rule table: a name the resolution records, what it says, and its decision (null: not this rule).</summary>
public sealed record SeverityRule(string Name, string Description, Func<SeverityCase, SeverityDecision?> Decide);

/// <param name="Reason">The decision in words, without the list of reports (the resolution carries those).</param>
public sealed record SeverityDecision(Severity Severity, string Reason);
