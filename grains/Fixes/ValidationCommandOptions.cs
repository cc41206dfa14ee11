using System.ComponentModel.DataAnnotations;

namespace Amas.Orleans.Fixes;

/// <summary>
/// A build or test command the QualityValidator runs in a scratch copy of the repository with a patch applied, after
/// the analysis accepted it (<c>Amas:Fixes:ValidationCommand</c>). Off unless the operator sets <see cref="Command"/>:
/// it runs code from the repository, so no task option can turn it on.
/// </summary>
public sealed class ValidationCommandOptions
{
    public const string SectionName = "Amas:Fixes:ValidationCommand";

    /// <summary>The program and its arguments (no shell unless named here); empty turns the step off.</summary>
    public List<string> Command { get; set; } = [];

    [Range(1, 3600)]
    public int TimeoutSeconds { get; set; } = 300;

    /// <summary>Address-space limit of the command (prlimit --as), in bytes.</summary>
    [Range(64L * 1024 * 1024, long.MaxValue)]
    public long MaxMemoryBytes { get; set; } = 4L * 1024 * 1024 * 1024;

    /// <summary>Run in a new network namespace (unshare --net) when the machine allows it.</summary>
    public bool IsolateNetwork { get; set; } = true;

    /// <summary>How much of the command's output (its end) a rejection quotes.</summary>
    [Range(100, 1_000_000)]
    public int MaxOutputChars { get; set; } = 4000;

    public bool Enabled => Command.Count > 0;
}
