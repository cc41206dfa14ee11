using Amas.Orleans.Analysis.CodeQuality;
using Amas.Orleans.Analysis.Performance;
using Amas.Orleans.Findings;

namespace Amas.Orleans.Improvements;

/// <summary>
/// PerformanceAnalyzer findings (and the CodeQualityInspector's complexity findings, which hide slow paths) to
/// concrete recommendations: one per rule, what to change and where, most severe and most frequent first.
/// </summary>
public static class PerformanceRecommender
{
    public const int MaxLocations = 10;

    private static readonly Dictionary<string, (string Title, string Advice)> Advice = new(StringComparer.Ordinal)
    {
        [PerformanceRuleIds.SyncOverAsync] = ("Stop blocking on async work", "Replace .Result, .Wait() and GetAwaiter().GetResult() with await and make the calling chain async; a thread blocked on I/O is lost to the pool, and under load the pool starves."),
        [PerformanceRuleIds.AsyncVoid] = ("Return Task from async methods", "Change async void to async Task so callers can await and exceptions are observed; keep async void for event handlers only."),
        [PerformanceRuleIds.LinqCountInLoop] = ("Count once, outside the loop", "Hoist Count()/Any() out of the loop, or materialise the sequence once (ToList/ToArray) before it; each call re-enumerates the source."),
        [PerformanceRuleIds.StringConcatInLoop] = ("Build strings with StringBuilder", "Append the parts to a StringBuilder (or collect them and string.Join once) instead of += in the loop, which copies the whole string each time."),
        [PerformanceRuleIds.HttpClientPerCall] = ("Reuse HttpClient", "Create HttpClient once (IHttpClientFactory or a shared static instance) instead of per call; per-call clients exhaust sockets and skip connection reuse."),
        [PerformanceRuleIds.UnboundedCache] = ("Bound the cache", "Give the cache a size limit and an expiry (MemoryCache with SizeLimit, or an LRU) so it cannot grow until the process runs out of memory."),
        [PerformanceRuleIds.IoInLoop] = ("Batch the I/O in the loop", "Fetch everything the loop needs in one query or request before it (no N+1), or run the independent calls concurrently with a bound."),
        [PerformanceRuleIds.PyStringConcatInLoop] = ("Join strings once", "Collect the parts in a list and ''.join() them after the loop instead of += on a str."),
        [PerformanceRuleIds.PyIoInLoop] = ("Batch the I/O in the loop", "Read or query once before the loop (executemany, a single request, or asyncio.gather with a bound) instead of one call per iteration."),
        [PerformanceRuleIds.PyListMembershipInLoop] = ("Use a set for membership", "Convert the list to a set once before the loop; `in` on a set is O(1), on a list O(n)."),
        [PerformanceRuleIds.JsAwaitInLoop] = ("Await independent promises together", "Start the independent calls and await Promise.all (with a concurrency limit where needed) instead of awaiting each in turn."),
        [PerformanceRuleIds.JsSyncFs] = ("Use asynchronous file I/O", "Use fs.promises (readFile, writeFile, …) instead of the Sync variants, which block the event loop for every request."),
        [PerformanceRuleIds.JsJsonDeepClone] = ("Clone with structuredClone", "Use structuredClone() instead of JSON.parse(JSON.stringify()), which is slower and drops dates, maps and undefined."),
        [CodeQualityRuleIds.CyclomaticComplexity] = ("Simplify complex functions on hot paths", "Split the branches into smaller functions or a lookup table; a function with many paths is hard to optimise, for the JIT and for people."),
        [CodeQualityRuleIds.DeepNesting] = ("Flatten deep nesting", "Return early and extract the inner loops; nested loops are where quadratic work hides."),
    };

    public static IReadOnlyList<PerformanceRecommendation> Recommend(IEnumerable<Finding> findings)
        => [.. findings
            .DistinctBy(f => f.Id, StringComparer.Ordinal)
            .Where(f => f.Category == "performance" || Advice.ContainsKey(f.Rule))
            .GroupBy(f => f.Rule, StringComparer.Ordinal)
            .Select(rule =>
            {
                var ordered = rule.OrderByDescending(f => f.Severity).ThenBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ToArray();
                var (title, advice) = Advice.TryGetValue(rule.Key, out var known)
                    ? known
                    : ($"Review {rule.Key}", string.IsNullOrWhiteSpace(ordered[0].Fix) ? ordered[0].Message : ordered[0].Fix!);
                return new PerformanceRecommendation
                {
                    Rule = rule.Key,
                    Title = title,
                    Recommendation = advice,
                    Severity = ordered[0].Severity,
                    FindingCount = ordered.Length,
                    Locations = [.. ordered.Where(f => f.File is not null).Select(f => f.Line is { } line ? $"{f.File}:{line}" : f.File!).Distinct(StringComparer.Ordinal).Take(MaxLocations)],
                    Source = ordered[0].Agent,
                };
            })
            .OrderByDescending(r => r.Severity)
            .ThenByDescending(r => r.FindingCount)
            .ThenBy(r => r.Rule, StringComparer.Ordinal)];
}
