using Amas.Orleans.Repositories;

namespace Amas.Orleans.Fixes;

/// <summary>
/// A throwaway directory holding copies of some files of a checkout, under their repository paths, where a patch is
/// applied with <c>git apply</c> (which refuses paths that leave the directory) and the analysers run again. The
/// checkout itself is never written. Deleted on dispose.
/// </summary>
internal sealed class ScratchCopy : IDisposable
{
    private ScratchCopy(string root) => Root = root;

    public string Root { get; }

    /// <summary>Copies <paramref name="relativePaths"/> (those that exist in the checkout) into a new directory.</summary>
    public static ScratchCopy Of(RepositoryCheckout checkout, IEnumerable<string> relativePaths)
    {
        var scratch = new ScratchCopy(Directory.CreateTempSubdirectory("amas-fix-").FullName);
        var files = checkout.Files.ToDictionary(f => f.RelativePath, StringComparer.Ordinal);
        foreach (var path in relativePaths.Distinct(StringComparer.Ordinal))
        {
            var source = files.TryGetValue(path, out var file) ? file.FullPath : Path.Combine(checkout.Root, path);
            if (!File.Exists(source))
            {
                continue;
            }

            var target = scratch.PathOf(path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
        }

        return scratch;
    }

    /// <summary>
    /// Copies the whole tree under the checkout's root but its <c>.git</c> directories, for a build or test command that
    /// needs more than the files the analysis reads. Links are not followed.
    /// </summary>
    public static ScratchCopy OfTree(RepositoryCheckout checkout)
    {
        var scratch = new ScratchCopy(Directory.CreateTempSubdirectory("amas-build-").FullName);
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };
        foreach (var source in Directory.EnumerateFiles(checkout.Root, "*", options))
        {
            var relative = Path.GetRelativePath(checkout.Root, source);
            if (relative.Split(Path.DirectorySeparatorChar).Contains(".git", StringComparer.Ordinal))
            {
                continue;
            }

            var target = scratch.PathOf(relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
        }

        return scratch;
    }

    /// <summary>Full path of a repository-relative path inside the scratch directory; throws for one that leaves it.</summary>
    public string PathOf(string relativePath)
    {
        var full = Path.GetFullPath(Path.Combine(Root, relativePath));
        return full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? full
            : throw new ArgumentException($"'{relativePath}' leaves the scratch directory.", nameof(relativePath));
    }

    /// <summary>Applies a unified diff; null when it applied cleanly, otherwise git's reason.</summary>
    public async Task<string?> ApplyAsync(GitCli git, string diff, CancellationToken cancellationToken)
    {
        var patch = Path.Combine(Path.GetDirectoryName(Root)!, Path.GetFileName(Root) + ".patch");
        await File.WriteAllTextAsync(patch, diff, cancellationToken).ConfigureAwait(false);
        try
        {
            var output = await git.RunAsync(["apply", "--whitespace=nowarn", patch], Root, cancellationToken).ConfigureAwait(false);
            return output.ExitCode == 0 ? null : output.StandardError.Trim() is { Length: > 0 } error ? error : $"git apply exited with {output.ExitCode}";
        }
        finally
        {
            File.Delete(patch);
        }
    }

    /// <summary>The copied files as a checkout the Layer 1 agents can read.</summary>
    public RepositoryCheckout AsCheckout()
    {
        var files = Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Select(full => new RepositoryFile(Path.GetRelativePath(Root, full).Replace('\\', '/'), full, new FileInfo(full).Length))
            .OrderBy(f => f.RelativePath, StringComparer.Ordinal)
            .ToArray();
        return new RepositoryCheckout(Root, null, files, 0, 0);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is not worth failing a fix over; the OS temp cleaner takes it.
        }
    }
}
