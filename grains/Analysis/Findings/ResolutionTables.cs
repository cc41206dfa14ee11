using System.Text;

namespace Amas.Orleans.Analysis.Findings;

/// <summary>
/// The concept table and the severity rule table as Markdown, exactly as docs/architecture.md shows them (a test
/// compares the two, so the docs cannot drift from the code).
/// </summary>
public static class ResolutionTables
{
    public static string Markdown()
    {
        var md = new StringBuilder();
        md.Append("| concept | reported by | authoritative agent | CWE |\n|---|---|---|---|\n");
        foreach (var concept in FindingConcepts.Table)
        {
            var reporters = concept.Members
                .GroupBy(m => m.Agent, StringComparer.Ordinal)
                .Select(g => $"{g.Key} {string.Join(", ", g)}");
            md.Append($"| `{concept.Name}`: {concept.Description} | {string.Join("; ", reporters)} | {concept.Authority} | {concept.Cwe ?? "–"} |\n");
        }

        md.Append("\n| # | severity rule | decides |\n|---|---|---|\n");
        for (var i = 0; i < SeverityRules.Table.Count; i++)
        {
            var rule = SeverityRules.Table[i];
            md.Append($"| {i + 1} | `{rule.Name}` | {rule.Description} |\n");
        }

        return md.ToString();
    }
}
