namespace Amas.Orleans.Analysis.Docker;

/// <summary>The image of a FROM instruction, split into repository, tag and digest.</summary>
/// <param name="Text">As written, before build arguments were substituted.</param>
/// <param name="Resolved">With the global ARG defaults substituted (<c>${BASE}</c> → <c>ubuntu:22.04</c>).</param>
public sealed record ImageReference(string Text, string Resolved, string Repository, string? Tag, string? Digest)
{
    /// <summary>A variable without default is left in place: nothing can be said about the image then.</summary>
    public bool HasUnresolvedVariables => Resolved.Contains('$', StringComparison.Ordinal);

    public bool IsScratch => string.Equals(Repository, "scratch", StringComparison.OrdinalIgnoreCase);

    public static ImageReference Parse(string text, string resolved)
    {
        var rest = resolved;
        string? digest = null;
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            digest = rest[(at + 1)..];
            rest = rest[..at];
        }

        // A colon before the last slash belongs to a registry port (registry:5000/app), not to a tag.
        string? tag = null;
        var colon = rest.LastIndexOf(':');
        if (colon > rest.LastIndexOf('/'))
        {
            tag = rest[(colon + 1)..];
            rest = rest[..colon];
        }

        return new ImageReference(text, resolved, rest, tag, digest);
    }

    public override string ToString() => Resolved;
}
