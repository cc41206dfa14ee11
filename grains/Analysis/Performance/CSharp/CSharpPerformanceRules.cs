using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Performance.CSharp;

/// <summary>
/// The C# rules. Severity follows the damage: sync over async can deadlock or starve the thread pool (High);
/// async void, per-call HttpClient, N+1 I/O and unbounded caches fail in production under load (Medium); the loop
/// rules cost CPU in proportion to the data (Medium for string building, Low for LINQ counting, which is often small).
/// </summary>
public static class CSharpPerformanceRules
{
    public static IReadOnlyList<PerformanceRule<CSharpSource>> All { get; } =
    [
        new()
        {
            Id = PerformanceRuleIds.SyncOverAsync,
            Title = "Blocking on a task (sync over async)",
            Explanation = "'.Result', '.Wait()' and '.GetAwaiter().GetResult()' park a thread-pool thread until the task "
                + "completes; under load the pool starves and requests queue, and under a synchronization context the "
                + "continuation waits for the blocked thread, which deadlocks.",
            Severity = Severity.High,
            Fix = "Make the caller async and 'await' the task, passing the cancellation token through.",
            Check = SyncOverAsyncCheck.Find,
        },
        new()
        {
            Id = PerformanceRuleIds.AsyncVoid,
            Title = "async void method",
            Explanation = "An async void method returns before its work completes, so nothing can await it, bound it "
                + "or see its failure; an exception it throws is raised on the thread pool and ends the process.",
            Severity = Severity.Medium,
            Fix = "Return 'Task' (or 'ValueTask') and await the call; keep async void for event handlers only.",
            Check = AsyncVoidCheck.Find,
        },
        new()
        {
            Id = PerformanceRuleIds.LinqCountInLoop,
            Title = "LINQ Count()/Any() re-evaluated in a loop",
            Explanation = "Enumerable.Count() walks the whole sequence and Any() re-runs its query; evaluated on every "
                + "iteration over a source that does not change, the loop becomes quadratic.",
            Severity = Severity.Low,
            Fix = "Evaluate the count or the check once before the loop into a local (or materialise the sequence "
                + "with ToList() and use its Count property).",
            Check = LinqCountInLoopCheck.Find,
        },
        new()
        {
            Id = PerformanceRuleIds.StringConcatInLoop,
            Title = "String concatenation in a loop",
            Explanation = "Strings are immutable: each '+=' allocates a new string and copies everything built so far, "
                + "so building a string in a loop is quadratic in its length and churns the garbage collector.",
            Severity = Severity.Medium,
            Fix = "Append to a StringBuilder in the loop and call ToString() once after it, or use string.Join/"
                + "string.Concat over the parts.",
            Check = StringConcatInLoopCheck.Find,
        },
        new()
        {
            Id = PerformanceRuleIds.HttpClientPerCall,
            Title = "HttpClient created per call",
            Explanation = "Every HttpClient owns a connection pool; one created per call reuses no connections, pays a "
                + "new TCP and TLS handshake each time and leaves sockets in TIME_WAIT until ports run out.",
            Severity = Severity.Medium,
            Fix = "Inject an HttpClient from IHttpClientFactory (services.AddHttpClient) or share one static readonly "
                + "instance with a PooledConnectionLifetime.",
            Check = HttpClientPerCallCheck.Find,
        },
        new()
        {
            Id = PerformanceRuleIds.UnboundedCache,
            Title = "Unbounded static cache",
            Explanation = "A static dictionary lives as long as the process; one that is only added to keeps every key "
                + "it ever saw, so memory grows with traffic until the process is recycled or runs out.",
            Severity = Severity.Medium,
            Fix = "Use a bounded cache (MemoryCache with a SizeLimit and expirations, or an LRU), or remove entries "
                + "when they are no longer needed.",
            Check = UnboundedCacheCheck.Find,
        },
        new()
        {
            Id = PerformanceRuleIds.IoInLoop,
            Title = "Database or network call in a loop (N+1)",
            Explanation = "A query or request per iteration pays a full round trip each time; with N items that is N+1 "
                + "round trips where one batched call would do, and latency grows linearly with the data.",
            Severity = Severity.Medium,
            Fix = "Fetch or write the whole batch in one call (a WHERE … IN query, Include, a bulk operation or a "
                + "batch endpoint), or at least run independent calls concurrently with Task.WhenAll.",
            Check = IoInLoopCheck.Find,
        },
    ];
}
