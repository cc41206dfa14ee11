namespace Amas.Orleans.Analysis.Dependencies;

/// <summary>File-name tests shared by the readers.</summary>
internal static class ManifestNames
{
    public static string FileName(string path) => Path.GetFileName(path.Replace('\\', '/'));

    public static bool Is(string path, string name) =>
        string.Equals(FileName(path), name, StringComparison.OrdinalIgnoreCase);
}
