using Amas.Orleans.Analysis.Findings;
using Amas.Orleans.Testing;

namespace Amas.Orleans.Analysis.Tests.Findings;

/// <summary>docs/architecture.md shows the concept table and the severity rule table exactly as the code holds them.</summary>
public sealed class ResolutionTablesDocumentTests
{
    private const string Start = "<!-- resolution-tables:start -->";
    private const string End = "<!-- resolution-tables:end -->";

    [Fact]
    public void The_architecture_page_renders_the_tables_of_the_code()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "architecture.md"));
        var start = text.IndexOf(Start, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"docs/architecture.md has no {Start} … {End} block");

        var shown = text[(start + Start.Length)..end].Trim('\n');

        Assert.True(shown == ResolutionTables.Markdown().Trim('\n'),
            "docs/architecture.md's resolution tables differ from the code; write this between the markers:\n" + ResolutionTables.Markdown());
    }
}
