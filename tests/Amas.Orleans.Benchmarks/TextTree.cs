using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;

namespace Amas.Orleans.Benchmarks;

/// <summary>One source of text files already on the machine: a folder and the file name endings taken from it.</summary>
public sealed record TreeSource(string Label, string Folder, string[] Endings);

/// <summary>What <see cref="TextTree.Assemble"/> built: the sources taken, file count, bytes and content hash.</summary>
public sealed record TreeManifest(
    [property: JsonPropertyName("sources")] IReadOnlyList<TreeSourceUse> Sources,
    [property: JsonPropertyName("files")] int Files,
    [property: JsonPropertyName("bytes")] long Bytes,
    [property: JsonPropertyName("sha256")] string Sha256);

public sealed record TreeSourceUse(
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("folder")] string Folder,
    [property: JsonPropertyName("endings")] string[] Endings,
    [property: JsonPropertyName("files")] int Files,
    [property: JsonPropertyName("bytes")] long Bytes);

/// <summary>
/// Assembles a fixed text tree from files already on the machine. Sources are taken in their listed order and each
/// source's files in ordinal path order, until the tree reaches the target size. Only what both scanners read alike
/// is taken: text (no NUL byte in the first 8 KiB), at most 1 MiB (the walker's limit), no dot-files or dot-folders
/// (secretlint's glob skips them), no .gitignore (the walker would obey it); a "node_modules" folder is renamed
/// "node_mods" (secretlint skips node_modules). The content hash is SHA-256 over, for each file in ordinal order of
/// its relative path, the UTF-8 path, a NUL, the content length as 8 little-endian bytes and the content.
/// </summary>
public static class TextTree
{
    private const long MaxFileBytes = 1024 * 1024;

    public static IReadOnlyList<TreeSource> DefaultSources { get; } =
    [
        new("python-stdlib", FirstExisting("/usr/lib/python3.13", "/usr/lib/python3.12", "/usr/lib/python3.11"), [".py"]),
        new("python-dist-packages", "/usr/lib/python3/dist-packages", [".py"]),
        new("npm-packages", "/usr/lib/node_modules", [".js", ".mjs", ".cjs", ".ts", ".json", ".md"]),
        new("dotnet-xml-docs", "/usr/share/dotnet/packs", [".xml"]),
        new("c-headers", "/usr/include", [".h"]),
    ];

    public static TreeManifest Assemble(IReadOnlyList<TreeSource> sources, string target, long targetBytes)
    {
        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }

        Directory.CreateDirectory(target);
        var uses = new List<TreeSourceUse>();
        var relativePaths = new List<string>();
        long total = 0;
        foreach (var source in sources)
        {
            if (total >= targetBytes || !Directory.Exists(source.Folder))
            {
                continue;
            }

            int files = 0;
            long bytes = 0;
            foreach (var path in Candidates(source))
            {
                if (total >= targetBytes)
                {
                    break;
                }

                var relative = source.Label + "/" + Path.GetRelativePath(source.Folder, path).Replace("node_modules", "node_mods", StringComparison.Ordinal);
                var destination = Path.Combine(target, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                File.Copy(path, destination);
                var length = new FileInfo(destination).Length;
                relativePaths.Add(relative);
                files++;
                bytes += length;
                total += length;
            }

            uses.Add(new TreeSourceUse(source.Label, source.Folder, source.Endings, files, bytes));
        }

        return new TreeManifest(uses, relativePaths.Count, total, Hash(target));
    }

    /// <summary>The tree's content hash, recomputed from disk.</summary>
    public static string Hash(string root)
    {
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> length = stackalloc byte[8];
        foreach (var relative in files)
        {
            var content = File.ReadAllBytes(Path.Combine(root, relative));
            hash.AppendData(Encoding.UTF8.GetBytes(relative));
            hash.AppendData([0]);
            BitConverter.TryWriteBytes(length, (long)content.Length);
            hash.AppendData(length);
            hash.AppendData(content);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static IEnumerable<string> Candidates(TreeSource source)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 };
        return Directory.EnumerateFiles(source.Folder, "*", options)
            .Where(path => source.Endings.Any(e => path.EndsWith(e, StringComparison.Ordinal)))
            .Where(path => !Path.GetRelativePath(source.Folder, path).Split('/').Any(part => part.StartsWith('.')))
            .Order(StringComparer.Ordinal)
            .Where(IsSmallText);
    }

    private static bool IsSmallText(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null || info.Length == 0 || info.Length > MaxFileBytes)
        {
            return false;
        }

        Span<byte> head = stackalloc byte[8192];
        using var stream = File.OpenRead(path);
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return !head[..read].Contains((byte)0);
    }

    private static string FirstExisting(params string[] folders) => folders.FirstOrDefault(Directory.Exists) ?? folders[^1];
}
