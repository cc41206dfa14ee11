using System.Globalization;
using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Documentation;

/// <summary>
/// README and docs coverage of a repository's public API: which public types and functions a reader can learn about,
/// from a doc comment on the declaration or a mention (as a whole word) in the README or under <c>docs/</c>.
/// </summary>
public sealed class DocumentationAudit
{
    private readonly HashSet<string> _documentWords = new(StringComparer.Ordinal);
    private readonly List<(SourceFile File, PublicApi Api)> _apis = [];

    public bool HasReadme { get; private set; }

    public int DocumentFiles { get; private set; }

    /// <summary>The README at the root, and Markdown, reStructuredText or AsciiDoc under docs/ or doc/.</summary>
    public static bool IsDocumentation(string path)
    {
        var name = Path.GetFileName(path);
        if (!path.Contains('/') && IsReadme(name))
        {
            return true;
        }

        var extension = Path.GetExtension(path).ToLowerInvariant();
        return (path.StartsWith("docs/", StringComparison.OrdinalIgnoreCase) || path.StartsWith("doc/", StringComparison.OrdinalIgnoreCase))
            && extension is ".md" or ".rst" or ".adoc" or ".txt";
    }

    private static bool IsReadme(string name)
        => name.Equals("README", StringComparison.OrdinalIgnoreCase)
            || (name.StartsWith("README.", StringComparison.OrdinalIgnoreCase) && Path.GetExtension(name).ToLowerInvariant() is ".md" or ".rst" or ".txt" or ".adoc" or ".markdown");

    public void AddDocument(SourceFile document)
    {
        ArgumentNullException.ThrowIfNull(document);
        DocumentFiles++;
        HasReadme |= !document.Path.Contains('/') && IsReadme(Path.GetFileName(document.Path));
        foreach (var word in Words(document.Text))
        {
            _documentWords.Add(word);
        }
    }

    public void AddSource(SourceFile file, IEnumerable<PublicApi> apis)
    {
        foreach (var api in apis)
        {
            _apis.Add((file, api));
        }
    }

    public bool Mentioned(string name) => _documentWords.Contains(name);

    public (IReadOnlyList<Finding> Findings, IReadOnlyDictionary<string, double> Metrics) Conclude()
    {
        var findings = new List<Finding>();
        if (!HasReadme)
        {
            findings.Add(new Finding
            {
                Id = FindingFingerprint.Create(DocumentationFindings.MissingReadme, null, "README"),
                Agent = DocumentationFindings.AgentName,
                Sources = [DocumentationFindings.AgentName],
                Rule = DocumentationFindings.MissingReadme,
                Severity = Severity.Medium,
                Category = DocumentationFindings.Category,
                Message = "The repository has no README at its root: nothing tells a newcomer what it is, how to build it or how to use it.",
                Fix = "Add a README.md: what the project does, how to build and run it, and how to use its public API.",
            });
        }

        var seen = new Dictionary<(string, string), int>();
        var documentedInCode = 0;
        var mentioned = 0;
        foreach (var (file, api) in _apis.OrderBy(a => a.File.Path, StringComparer.Ordinal).ThenBy(a => a.Api.Line))
        {
            documentedInCode += api.HasDocComment ? 1 : 0;
            var inDocs = Mentioned(api.Name);
            mentioned += inDocs ? 1 : 0;
            if (api.HasDocComment || inDocs)
            {
                continue;
            }

            var occurrence = seen.GetValueOrDefault((file.Path, api.Name));
            seen[(file.Path, api.Name)] = occurrence + 1;
            findings.Add(new Finding
            {
                Id = FindingFingerprint.Create(DocumentationFindings.UndocumentedApi, file.Path, api.Kind + " " + api.Name, occurrence),
                Agent = DocumentationFindings.AgentName,
                Sources = [DocumentationFindings.AgentName],
                Rule = DocumentationFindings.UndocumentedApi,
                Severity = Severity.Low,
                Category = DocumentationFindings.Category,
                File = file.Path,
                Line = api.Line,
                Message = string.Create(CultureInfo.InvariantCulture, $"Public {api.Kind} '{api.Name}' has no doc comment and is not mentioned in the README or docs."),
                Evidence = api.Declaration.Length <= 200 ? api.Declaration : api.Declaration[..200] + "…",
                Fix = "Add a doc comment on the declaration, and mention it in the README or under docs/ if callers use it.",
            });
        }

        var total = _apis.Count;
        var covered = _apis.Count(a => a.Api.HasDocComment || Mentioned(a.Api.Name));
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["public_apis"] = total,
            ["documented_in_code"] = documentedInCode,
            ["mentioned_in_docs"] = mentioned,
            ["coverage_percent"] = total == 0 ? 100 : Math.Round(100.0 * covered / total, 1),
            ["documentation_files"] = DocumentFiles,
            ["readme"] = HasReadme ? 1 : 0,
        };
        return (findings, metrics);
    }

    /// <summary>Identifier-like words: a name in backquotes, a heading or a sentence counts alike.</summary>
    private static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var part = i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '$');
            if (part && start < 0)
            {
                start = i;
            }
            else if (!part && start >= 0)
            {
                yield return text[start..i];
                start = -1;
            }
        }
    }
}
