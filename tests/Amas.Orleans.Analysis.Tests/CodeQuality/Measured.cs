using Amas.Orleans.Analysis;
using Amas.Orleans.Analysis.CodeQuality;

namespace Amas.Orleans.Analysis.Tests.CodeQuality;

/// <summary>Reads a fixture the way the agent would, and looks functions up by name.</summary>
internal static class Measured
{
    public static FileMetrics File(string path, string text) => CodeMetricsReader.Read(new SourceFile(path, text));

    public static FunctionMetrics Function(this FileMetrics metrics, string name) =>
        Assert.Single(metrics.Functions, f => f.Name == name);
}
