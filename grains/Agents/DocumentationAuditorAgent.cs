using Amas.Orleans.Analysis;
using Amas.Orleans.Analysis.Documentation;
using Amas.Orleans.Repositories;

namespace Amas.Orleans.Agents;

/// <summary>
/// Layer 1, the <c>documentation</c> capability (orchestrate's <c>documentation_update</c> mode and the
/// <c>documentation</c> component): README and docs coverage of the public API.
/// </summary>
public sealed class DocumentationAuditorAgent : IAgent
{
    public AgentDescriptor Descriptor { get; } = new()
    {
        Name = DocumentationFindings.AgentName,
        Layer = 1,
        Description = "Checks README and docs coverage of the public API: public types and functions (C#, Java, Python, "
            + "JavaScript/TypeScript, Go) without a doc comment and not mentioned in the README or docs/, and a missing README.",
        Capabilities = ["documentation"],
    };

    public async Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        if (context.Repository is not { } repository)
        {
            return AgentResult.Empty("no repository to analyse");
        }

        var audit = new DocumentationAudit();
        var unreadable = 0;
        foreach (var file in repository.Files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var isDocument = DocumentationAudit.IsDocumentation(file.RelativePath);
            var isSource = PublicApiScanner.Extensions.Contains(Path.GetExtension(file.RelativePath).ToLowerInvariant());
            if (!isDocument && !isSource)
            {
                continue;
            }

            if (await ReadAsync(file, cancellationToken) is not { } text)
            {
                unreadable++;
                continue;
            }

            var source = new SourceFile(file.RelativePath, text);
            if (isDocument)
            {
                audit.AddDocument(source);
            }
            else
            {
                audit.AddSource(source, PublicApiScanner.Scan(source));
            }
        }

        var (findings, metrics) = audit.Conclude();
        var figures = new Dictionary<string, double>(metrics, StringComparer.Ordinal) { ["files_unreadable"] = unreadable };
        var summary = $"{metrics["public_apis"]} public APIs, {metrics["coverage_percent"]}% documented in code or docs; "
            + (audit.HasReadme ? $"{audit.DocumentFiles} documentation files." : "no README.");
        return new AgentResult(findings, figures, summary);
    }

    private static async Task<string?> ReadAsync(RepositoryFile file, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllTextAsync(file.FullPath, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
