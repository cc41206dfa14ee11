using System.Text;
using Amas.Orleans.Analysis.Forensics;
using Amas.Orleans.Testing.Forensics;

namespace Amas.Orleans.Analysis.Tests.Forensics;

/// <summary>Files generated per test in a temporary folder, and the machine's own tools to check our hashes against.</summary>
internal sealed class ForensicsFixtures : IDisposable
{
    public ForensicsFixtures()
    {
        Root = Path.Combine(Path.GetTempPath(), "amas-forensics-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Write(string name, byte[] content)
    {
        var path = Path.Combine(Root, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public string Text(string name, string content) => Write(name, Encoding.UTF8.GetBytes(content));

    public string Copy(string source, string name)
    {
        var path = Path.Combine(Root, name);
        File.Copy(source, path);
        return path;
    }

    public static byte[] Png() => SampleFiles.Png();

    public static byte[] Zip(params (string Name, byte[] Content)[] entries) => SampleFiles.Zip(entries);

    public static string Tool(string tool, string path) => SampleFiles.Checksum(tool, path);

    public static Task<ForensicsReport> AnalyzeAsync(string path, ForensicsOptions? options = null) =>
        new ForensicsAnalyzer(options ?? new ForensicsOptions()).AnalyzeAsync(path, null, CancellationToken.None);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
