using Amas.Orleans.Analysis.Performance;
using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Tests.Performance;

/// <summary>Runs the analyser over an inline file and reads back what one rule reported.</summary>
internal static class Analysed
{
    public static IReadOnlyList<Finding> Findings(string path, string text) =>
        new PerformanceAnalyzer().Analyze(new SourceFile(path, text), CancellationToken.None);

    /// <summary>The lines where <paramref name="rule"/> fired.</summary>
    public static IReadOnlyList<int> Lines(string path, string text, string rule) =>
        Findings(path, text).Where(f => f.Rule == rule).Select(f => f.Line!.Value).ToList();

    /// <summary>
    /// A C# file with <paramref name="body"/> as the body of <c>Service.RunAsync</c>; the body's first line is line 8.
    /// </summary>
    public static string InMethod(string body) => $$"""
        using System.Net.Http;
        using System.Threading.Tasks;

        public sealed class Service
        {
            public async Task RunAsync(Order[] orders, IEnumerable<Order> pending, Db db)
            {
        {{body}}
            }
        }
        """;
}
