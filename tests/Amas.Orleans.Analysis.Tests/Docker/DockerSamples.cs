using Amas.Orleans.Analysis.Docker;

namespace Amas.Orleans.Analysis.Tests.Docker;

/// <summary>Runs the Dockerfile rules over sample text; secret-looking values are built at run time, not written here.</summary>
internal static class DockerSamples
{
    /// <summary>A made-up credential with no placeholder word in it, assembled so no scanner finds it in this source.</summary>
    public static readonly string Secret = string.Concat("k9Vq", "Lm7Zr", "2TxW8p");

    private static readonly DockerfileAnalyzer Analyzer = new();

    public static IReadOnlyList<Amas.Orleans.Findings.Finding> FindingsOf(string dockerfile) =>
        Analyzer.Analyze(new SourceFile("Dockerfile", dockerfile)).Findings;

    /// <summary>The lines <paramref name="rule"/> reports in <paramref name="dockerfile"/>.</summary>
    public static IReadOnlyList<int> LinesFlagged(string rule, string dockerfile) =>
        [.. FindingsOf(dockerfile).Where(f => f.Rule == rule).Select(f => f.Line!.Value)];
}
