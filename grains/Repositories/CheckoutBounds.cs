using Amas.Orleans.Agents;

namespace Amas.Orleans.Repositories;

/// <summary>Narrows a checkout to what a task's depth allows to be read.</summary>
public static class CheckoutBounds
{
    /// <summary>
    /// The files within <paramref name="bounds"/>: none above the size limit, then the shallowest paths first (root
    /// manifests, Dockerfiles and configuration before deep sources), in path order, up to the file limit. Files left
    /// out count as oversized, so the report says what was not read.
    /// </summary>
    public static RepositoryCheckout Within(this RepositoryCheckout checkout, AnalysisBounds? bounds)
    {
        ArgumentNullException.ThrowIfNull(checkout);
        if (bounds is null)
        {
            return checkout;
        }

        var kept = checkout.Files
            .Where(f => f.Length <= bounds.MaxFileBytes)
            .OrderBy(f => f.RelativePath.Count(c => c == '/'))
            .ThenBy(f => f.RelativePath, StringComparer.Ordinal)
            .Take(Math.Max(0, bounds.MaxFiles))
            .OrderBy(f => f.RelativePath, StringComparer.Ordinal)
            .ToArray();
        return kept.Length == checkout.Files.Count
            ? checkout
            : checkout with { Files = kept, SkippedOversized = checkout.SkippedOversized + checkout.Files.Count - kept.Length };
    }
}
