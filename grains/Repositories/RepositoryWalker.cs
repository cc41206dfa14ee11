using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Repositories;

/// <summary>
/// Lists the files analysers may read below a root, in the same order on every silo: text files only, no git
/// internals, nothing git ignores (.gitignore at any depth and .git/info/exclude), and nothing a symbolic link could
/// smuggle in from outside the root.
/// </summary>
public sealed class RepositoryWalker(IOptions<RepositoryOptions> options, ILogger<RepositoryWalker> logger)
{
    // About the window git itself sniffs (8000 bytes) to call a file binary.
    private const int BinarySniffBytes = 8 * 1024;

    private static readonly EnumerationOptions Entries = new()
    {
        // On Unix dot-files count as hidden; .github/, .env and friends are exactly what some analysers look for.
        AttributesToSkip = 0,
        IgnoreInaccessible = true,
        RecurseSubdirectories = false,
        ReturnSpecialDirectories = false,
    };

    private readonly long _maxFileBytes = options.Value.MaxFileBytes;

    /// <summary>Walks <paramref name="root"/> (resolved first, so links above it do not matter).</summary>
    public RepositoryCheckout Walk(string root, string? commit, CancellationToken cancellationToken)
    {
        var realRoot = RealPath.Resolve(Path.GetFullPath(root));
        if (!Directory.Exists(realRoot))
        {
            throw new DirectoryNotFoundException($"The repository directory '{root}' does not exist.");
        }

        var files = new List<RepositoryFile>();
        var skippedBinary = 0;
        var skippedOversized = 0;
        var skippedIgnored = 0;
        var pending = new Stack<(DirectoryInfo Directory, string RelativePath, GitIgnore Ignore)>();
        var exclude = ReadIgnoreFile(Path.Combine(realRoot, ".git", "info", "exclude"));
        pending.Push((new DirectoryInfo(realRoot), "", exclude is null ? GitIgnore.Empty : GitIgnore.Empty.With("", exclude)));

        while (pending.TryPop(out var current))
        {
            var (directory, directoryPath, ignore) = current;
            if (ReadIgnoreFile(Path.Combine(directory.FullName, ".gitignore")) is { } gitignore)
            {
                ignore = ignore.With(directoryPath, gitignore);
            }

            foreach (var entry in directory.EnumerateFileSystemInfos("*", Entries))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var relativePath = Path.GetRelativePath(realRoot, entry.FullName).Replace('\\', '/');

                // A ".git" file is a worktree or submodule pointer; a ".git" directory is the object store.
                if (entry.Name == ".git")
                {
                    continue;
                }

                // An ignored directory counts once: its contents are never listed, as in git.
                if (ignore.Count > 0 && ignore.IsIgnored(relativePath, entry is DirectoryInfo))
                {
                    skippedIgnored++;
                    continue;
                }

                if (entry is DirectoryInfo subdirectory)
                {
                    if (subdirectory.LinkTarget is null)
                    {
                        pending.Push((subdirectory, relativePath, ignore));
                    }
                    else
                    {
                        RepositoryLog.SkippedEntry(logger, realRoot, relativePath, "symbolic link to a directory");
                    }

                    continue;
                }

                var file = (FileInfo)entry;
                switch (Classify(file, realRoot))
                {
                    case FileKind.Text:
                        files.Add(new RepositoryFile(relativePath, file.FullName, TargetLength(file)));
                        break;
                    case FileKind.Binary:
                        skippedBinary++;
                        break;
                    case FileKind.Oversized:
                        skippedOversized++;
                        break;
                    case FileKind.Outside:
                        RepositoryLog.SkippedEntry(logger, realRoot, relativePath, "symbolic link leading outside the root");
                        break;
                    case FileKind.LinkedDirectory:
                        RepositoryLog.SkippedEntry(logger, realRoot, relativePath, "symbolic link to a directory");
                        break;
                    case FileKind.Unreadable:
                        RepositoryLog.SkippedEntry(logger, realRoot, relativePath, "unreadable");
                        break;
                }
            }
        }

        files.Sort((left, right) => string.CompareOrdinal(left.RelativePath, right.RelativePath));
        RepositoryLog.Walked(logger, realRoot, files.Count, skippedBinary, skippedOversized);
        return new RepositoryCheckout(realRoot, commit, files, skippedBinary, skippedOversized) { SkippedIgnored = skippedIgnored };
    }

    /// <summary>
    /// An ignore file's text, or null when there is none. A link is not followed (it could point anywhere) and a
    /// file larger than the size limit is not read: neither is a .gitignore anyone writes by hand.
    /// </summary>
    private string? ReadIgnoreFile(string path)
    {
        try
        {
            var file = new FileInfo(path);
            if (!file.Exists || file.LinkTarget is not null || file.Length > _maxFileBytes)
            {
                return null;
            }

            return FileText.Decode(File.ReadAllBytes(path)).Text;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private FileKind Classify(FileInfo file, string realRoot)
    {
        try
        {
            if (file.LinkTarget is not null)
            {
                var target = RealPath.Resolve(file.FullName);
                if (!RealPath.IsInside(target, realRoot))
                {
                    return FileKind.Outside;
                }

                // A link to a directory inside the root is reached through its real path, if at all.
                if (!File.Exists(target))
                {
                    return Directory.Exists(target) ? FileKind.LinkedDirectory : FileKind.Unreadable;
                }
            }

            var length = TargetLength(file);
            if (length > _maxFileBytes)
            {
                return FileKind.Oversized;
            }

            return length > 0 && ContainsNul(file.FullName, length) ? FileKind.Binary : FileKind.Text;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return FileKind.Unreadable;
        }
    }

    private static long TargetLength(FileInfo file) =>
        file.LinkTarget is null ? file.Length : new FileInfo(RealPath.Resolve(file.FullName)).Length;

    private static bool ContainsNul(string path, long length)
    {
        Span<byte> buffer = stackalloc byte[BinarySniffBytes];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
        var window = buffer[..(int)Math.Min(length, BinarySniffBytes)];
        var read = stream.ReadAtLeast(window, window.Length, throwOnEndOfStream: false);
        // UTF-16 and UTF-32 text is full of NUL bytes; its byte-order mark says it is text all the same.
        return FileText.DetectByteOrderMark(window[..read]).Encoding is null && window[..read].Contains((byte)0);
    }

    private enum FileKind
    {
        Text,
        Binary,
        Oversized,
        Outside,
        LinkedDirectory,
        Unreadable,
    }
}
