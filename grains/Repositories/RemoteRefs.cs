namespace Amas.Orleans.Repositories;

/// <summary>Reads <c>git ls-remote</c> output and finds the commit a short or full ref name points at.</summary>
internal static class RemoteRefs
{
    private const string Peeled = "^{}";

    /// <summary>
    /// The commit id <paramref name="gitRef"/> names in <paramref name="lsRemoteOutput"/>, or null. A short name is
    /// looked up the way <c>git rev-parse</c> does (refs/, then refs/tags/, then refs/heads/), and an annotated tag
    /// is taken at the commit it points to, not at the tag object.
    /// </summary>
    public static string? Find(string lsRemoteOutput, string gitRef)
    {
        var refs = Parse(lsRemoteOutput);
        string[] candidates = gitRef == "HEAD" || gitRef.StartsWith("refs/", StringComparison.Ordinal)
            ? [gitRef]
            : ["refs/" + gitRef, "refs/tags/" + gitRef, "refs/heads/" + gitRef];

        foreach (var candidate in candidates)
        {
            if (refs.TryGetValue(candidate + Peeled, out var peeled))
            {
                return peeled;
            }

            if (refs.TryGetValue(candidate, out var direct))
            {
                return direct;
            }
        }

        return null;
    }

    private static Dictionary<string, string> Parse(string lsRemoteOutput)
    {
        var refs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lsRemoteOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab > 0 && GitRefRule.IsFullCommitId(line[..tab]))
            {
                refs.TryAdd(line[(tab + 1)..], line[..tab].ToLowerInvariant());
            }
        }

        return refs;
    }
}
