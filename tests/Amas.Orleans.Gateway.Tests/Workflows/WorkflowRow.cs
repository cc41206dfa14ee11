using Amas.Orleans.Testing;

namespace Amas.Orleans.Gateway.Tests.Workflows;

/// <summary>One row of the table in docs/workflows.md: a submission and the agents that must run for it, per layer.</summary>
public sealed record WorkflowRow(int Number, string Kind, string Options, string? Target, IReadOnlyList<string>[] Layers)
{
    public const string Start = "<!-- workflow-table:start -->";
    public const string End = "<!-- workflow-table:end -->";

    public static string DocumentPath => Path.Combine(RepositoryRoot.Path, "docs", "workflows.md");

    public static IReadOnlyList<WorkflowRow> ReadAll()
    {
        var text = File.ReadAllText(DocumentPath);
        var start = text.IndexOf(Start, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            throw new InvalidOperationException($"{DocumentPath} has no {Start} … {End} block.");
        }

        return [.. text[(start + Start.Length)..end]
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.StartsWith("| ", StringComparison.Ordinal) && char.IsDigit(l[2]))
            .Select(Parse)];
    }

    private static WorkflowRow Parse(string line)
    {
        var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
        if (cells.Length != 9)
        {
            throw new FormatException($"A workflow row has 9 cells: {line}");
        }

        return new WorkflowRow(
            int.Parse(cells[0], System.Globalization.CultureInfo.InvariantCulture),
            cells[1],
            cells[2].Trim('`'),
            cells[3] == "–" ? null : cells[3].Trim('`'),
            [.. cells[4..8].Select(Agents)]);
    }

    private static IReadOnlyList<string> Agents(string cell)
        => cell == "–" ? [] : [.. cell.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal)];

    /// <summary>The row as the table would show it with these agents, for a failure message that says what to write.</summary>
    public static string Cells(IReadOnlyList<string>[] layers) => string.Join(" | ", layers.Select(l => l.Count == 0 ? "–" : string.Join(", ", l)));
}
