using Amas.Orleans.Agents;
using Amas.Orleans.Analysis.Documentation;

namespace Amas.Orleans.Analysis.Tests.Documentation;

public sealed class DocumentationAuditorAgentTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("amas-docs-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task A_public_api_is_covered_by_a_doc_comment_or_a_mention_in_the_readme_or_docs_and_only_the_rest_is_reported()
    {
        var checkout = AgentRuns.Checkout(_root,
            ("README.md", "# Shop\nUse `OrderService` to place orders.\n"),
            ("docs/guide.md", "The Invoice record holds totals.\n"),
            ("notes/design.md", "PaymentGateway is described here, but notes/ is not docs/.\n"),
            ("src/OrderService.cs", "public class OrderService { }\n"),
            ("src/Invoice.cs", "public record Invoice(decimal Total);\n"),
            ("src/Catalog.cs", "/// <summary>Products.</summary>\npublic class Catalog { }\n"),
            ("src/PaymentGateway.cs", "public class PaymentGateway { }\n"),
            ("tests/PaymentGatewayTests.cs", "public class PaymentGatewayTests { }\n"));

        var result = await new DocumentationAuditorAgent().RunAsync(AgentRuns.Context(DocumentationFindings.AgentName, checkout), CancellationToken.None);

        var finding = Assert.Single(result.Findings);
        Assert.Equal((DocumentationFindings.UndocumentedApi, "src/PaymentGateway.cs", 1), (finding.Rule, finding.File, finding.Line));
        Assert.Contains("'PaymentGateway'", finding.Message, StringComparison.Ordinal);
        Assert.Equal(4, result.Metrics["public_apis"]);
        Assert.Equal(1, result.Metrics["documented_in_code"]);
        Assert.Equal(2, result.Metrics["mentioned_in_docs"]);
        Assert.Equal(75, result.Metrics["coverage_percent"]);
        Assert.Equal(2, result.Metrics["documentation_files"]);
    }

    [Fact]
    public async Task A_repository_without_a_readme_is_a_finding_of_its_own()
    {
        var checkout = AgentRuns.Checkout(_root, ("docs/README-old.txt", "old"), ("lib/util.py", "def parse():\n    \"\"\"Parses.\"\"\"\n"));

        var result = await new DocumentationAuditorAgent().RunAsync(AgentRuns.Context(DocumentationFindings.AgentName, checkout), CancellationToken.None);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(DocumentationFindings.MissingReadme, finding.Rule);
        Assert.Null(finding.File);
        Assert.Equal(0, result.Metrics["readme"]);
        Assert.Equal(100, result.Metrics["coverage_percent"]);
    }
}
