using System.Globalization;
using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Findings;

/// <summary>
/// The severity rule table: when several agents' reports of one problem become one finding, the first rule that
/// applies decides its severity, and the finding's resolution names it. Agreement needs no settling; a disagreement
/// in code that does not ship is settled one level below the highest, since the reports disagree about something
/// that never runs in production; elsewhere the agent that specialises in the problem knows its severity best (the
/// SecurityScanner rates a generic password assignment lower than a live cloud key, while the DockerMonitor rates
/// every ENV secret alike); without that agent, the highest report stands, so no severity is understated.
/// </summary>
public static class SeverityRules
{
    public const string Agreed = "agreed";
    public const string TestOrExamplePath = "test-or-example-path";
    public const string AuthoritativeAgent = "authoritative-agent";
    public const string Highest = "highest";

    public static IReadOnlyList<SeverityRule> Table { get; } =
    [
        new(Agreed, "Every report gives the same severity: that severity.",
            c => c.Reports.All(r => r.Severity == c.Highest) ? new(c.Highest, $"all {c.Reports.Count} reports say {Name(c.Highest)}") : null),
        new(TestOrExamplePath, "The file is test, fixture or example code (a `tests/`, `fixtures/`, `testdata/` or `examples/` directory, a `*.Tests` project, a `*_test.go`, `test_*.py` or `*.spec.ts` file), which does not ship: the highest severity, one level lower.",
            c => ExampleCodePaths.Contains(c.File)
                ? new(Lower(c.Highest), $"{c.File} is test, fixture or example code: {Name(c.Highest)} lowered to {Name(Lower(c.Highest))}")
                : null),
        new(AuthoritativeAgent, "The concept's authoritative agent (for reports merged by place, the agent of their category) is among the reports: its severity.",
            c => c.AuthorityReport is { } report ? new(report.Severity, $"{c.Authority} is authoritative for {c.Subject}: {Name(report.Severity)}") : null),
        new(Highest, "Otherwise: the highest severity.",
            c => new(c.Highest, $"the highest report: {Name(c.Highest)}")),
    ];

    /// <summary>The first rule of the table that decides the case, and its decision.</summary>
    public static (SeverityRule Rule, SeverityDecision Decision) Settle(SeverityCase severityCase)
    {
        ArgumentNullException.ThrowIfNull(severityCase);
        foreach (var rule in Table)
        {
            if (rule.Decide(severityCase) is { } decision)
            {
                return (rule, decision);
            }
        }

        throw new InvalidOperationException("The last severity rule decides every case.");
    }

    public static string Name(Severity severity) => severity.ToString().ToLower(CultureInfo.InvariantCulture);

    private static Severity Lower(Severity severity) => severity == Severity.Info ? Severity.Info : severity - 1;
}
