using Microsoft.Extensions.Logging;

namespace Amas.Orleans.Repositories;

internal static partial class RepositoryLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information,
        Message = "Pinned {GitUrl} ref {GitRef} to commit {Commit}")]
    public static partial void Pinned(ILogger logger, string gitUrl, string gitRef, string commit);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information,
        Message = "Cloning {GitUrl} at commit {Commit} into {Directory}")]
    public static partial void Cloning(ILogger logger, string gitUrl, string commit, string directory);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug,
        Message = "Reusing checkout of {GitUrl} at commit {Commit} in {Directory}")]
    public static partial void ReusingCheckout(ILogger logger, string gitUrl, string commit, string directory);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information,
        Message = "Fetching commit {Commit} by id from {GitUrl} was refused; falling back to a full clone")]
    public static partial void FallingBackToFullClone(ILogger logger, string gitUrl, string commit);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning,
        Message = "git {Command} timed out after {Timeout}; its process tree was killed")]
    public static partial void GitTimedOut(ILogger logger, string command, TimeSpan timeout);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Debug,
        Message = "Skipped {RelativePath} in {Root}: {Reason}")]
    public static partial void SkippedEntry(ILogger logger, string root, string relativePath, string reason);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Debug,
        Message = "Local repository {Path} has no readable git HEAD; it is analysed without a commit")]
    public static partial void LocalHeadUnknown(ILogger logger, string path);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Warning,
        Message = "Could not remove scratch directory {Directory}")]
    public static partial void ScratchNotRemoved(ILogger logger, Exception exception, string directory);

    [LoggerMessage(EventId = 4108, Level = LogLevel.Information,
        Message = "Walked {Root}: {FileCount} files, {SkippedBinary} binary and {SkippedOversized} oversized skipped")]
    public static partial void Walked(ILogger logger, string root, int fileCount, int skippedBinary, int skippedOversized);
}
