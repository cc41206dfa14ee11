using Amas.Orleans.Analysis.CodeQuality;
using Amas.Orleans.Analysis.Performance.CSharp;
using Amas.Orleans.Analysis.Performance.Lexical;
using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Performance;

/// <summary>
/// Finds static performance anti-patterns in one file: C# through Roslyn's syntax tree, Python and
/// JavaScript/TypeScript through the lexer. Stateless and thread-safe, so one instance serves parallel scans.
/// </summary>
public sealed class PerformanceAnalyzer
{
    /// <summary>The extensions the analyser reads; other files have no rules here.</summary>
    public static IReadOnlySet<string> Extensions { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        ".cs", ".py", ".js", ".mjs", ".cjs", ".ts", ".tsx", ".jsx",
    };

    public IReadOnlyList<Finding> Analyze(SourceFile file, CancellationToken cancellationToken)
    {
        if (!Extensions.Contains(file.Extension))
        {
            return [];
        }

        var language = SourceLanguageDetector.FromExtension(file.Extension);
        if (language == SourceLanguage.CSharp)
        {
            var tree = CSharpSource.Parse(file, cancellationToken);
            return PerformanceFindings.Create(file, Run(CSharpPerformanceRules.All, tree, cancellationToken));
        }

        return LexicalSource.Lex(file, language, cancellationToken) is { } lexed
            ? PerformanceFindings.Create(file, Run(LexicalPerformanceRules.For(language), lexed, cancellationToken))
            : [];
    }

    private static List<(PerformanceRule<TSource>, PerformanceHit)> Run<TSource>(
        IReadOnlyList<PerformanceRule<TSource>> rules, TSource source, CancellationToken cancellationToken)
    {
        var hits = new List<(PerformanceRule<TSource>, PerformanceHit)>();
        foreach (var rule in rules)
        {
            cancellationToken.ThrowIfCancellationRequested();
            hits.AddRange(rule.Check(source).Select(hit => (rule, hit)));
        }

        return hits;
    }
}
