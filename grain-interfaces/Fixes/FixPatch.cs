namespace Amas.Orleans.Fixes;

/// <summary>
/// One fix: a unified diff of one file (paths <c>a/…</c> and <c>b/…</c> relative to the repository root) and the
/// findings it addresses, by fingerprint. Patches of one task touch distinct files, so the accepted ones concatenate
/// into one patch that applies with <c>git apply</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("amas.FixPatch")]
public sealed record FixPatch
{
    /// <summary>Path relative to the repository root, forward slashes.</summary>
    [Id(0)] public required string File { get; init; }
    /// <summary>Fingerprints (<c>Finding.Id</c>) of the findings this patch fixes.</summary>
    [Id(1)] public required IReadOnlyList<string> FindingIds { get; init; }
    /// <summary>The rules of those findings, in the same order.</summary>
    [Id(2)] public IReadOnlyList<string> Rules { get; init; } = [];
    [Id(3)] public required FixOrigin Origin { get; init; }
    /// <summary>The unified diff; empty where a record is only a verdict (task results).</summary>
    [Id(4)] public string Diff { get; init; } = "";
    [Id(5)] public FixVerdict Verdict { get; init; } = FixVerdict.Proposed;
    /// <summary>Why the QualityValidator rejected it (or what it checked when it accepted it).</summary>
    [Id(6)] public string? Reason { get; init; }
    /// <summary>What the patch changes, in words (<c>pinned ubuntu:latest to ubuntu:24.04</c>).</summary>
    [Id(7)] public string? Summary { get; init; }
}
