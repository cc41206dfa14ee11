using Amas.Orleans.Repositories;

namespace Amas.Orleans.Analysis.Tests.Repositories;

/// <summary>A fresh directory under the system temp folder, with its symlink-resolved path, removed on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        var created = Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "amas-tests", Guid.NewGuid().ToString("N")));

        // macOS and some CI images put the temp folder behind a link; tests compare against resolved paths.
        Path = RealPath.Resolve(created.FullName);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public string CreateDirectory(params string[] parts) => Directory.CreateDirectory(Combine(parts)).FullName;

    public string WriteFile(string relativePath, string content)
    {
        var full = Combine(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A git process killed by a test may still hold a file for a moment; the temp folder is cleaned anyway.
        }
    }
}
