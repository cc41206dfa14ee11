using Amas.Orleans.Analysis.CodeQuality;
using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Tests.CodeQuality;

/// <summary>Both passes of copy detection over files held in memory, as the agent runs them over a checkout.</summary>
internal static class Duplicates
{
    public static async Task<IReadOnlyList<Finding>> FindAsync(CodeQualityOptions options, params (string Path, string Text)[] files)
    {
        var texts = files.ToDictionary(f => f.Path, f => f.Text);
        return await FindAsync(options, files, path => texts.GetValueOrDefault(path));
    }

    /// <param name="readAgain">What the final pass reads when it asks for a file a second time.</param>
    public static async Task<IReadOnlyList<Finding>> FindAsync(
        CodeQualityOptions options, IEnumerable<(string Path, string Text)> files, Func<string, string?> readAgain)
    {
        var analyzer = new CodeQualityAnalyzer(options);
        var fingerprints = files
            .Select(f => analyzer.Analyze(new SourceFile(f.Path, f.Text)).Clones)
            .OfType<CloneFingerprints>()
            .ToList();
        var report = await analyzer.FindDuplicatesAsync(fingerprints, (path, _) => ValueTask.FromResult(readAgain(path)));
        return report.Findings;
    }
}
