namespace Amas.Orleans.Analysis.CodeQuality;

/// <summary>
/// What the per-file pass keeps of a file for copy detection: a few winnowed hashes (a few percent of its tokens)
/// and enough to recognise the same file when the final pass reads it again, never its text or all of its tokens.
/// </summary>
public sealed class CloneFingerprints
{
    internal CloneFingerprints(string path, int tokenCount, ulong checksum, CloneMark[] marks)
    {
        Path = path;
        TokenCount = tokenCount;
        Checksum = checksum;
        Marks = marks;
    }

    public string Path { get; }

    public int TokenCount { get; }

    internal ulong Checksum { get; }

    /// <summary>In token order.</summary>
    internal CloneMark[] Marks { get; }

    /// <summary>Whether <paramref name="tokens"/> is a reading of the file these fingerprints were taken from.</summary>
    internal bool Matches(CloneTokens tokens) => tokens.Count == TokenCount && tokens.Checksum() == Checksum;
}
