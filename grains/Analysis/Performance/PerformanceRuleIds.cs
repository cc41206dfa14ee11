namespace Amas.Orleans.Analysis.Performance;

/// <summary>The rule ids the PerformanceAnalyzer reports; they are the findings' <c>rule</c>.</summary>
public static class PerformanceRuleIds
{
    public const string SyncOverAsync = "perf/sync-over-async";
    public const string AsyncVoid = "perf/async-void";
    public const string LinqCountInLoop = "perf/linq-count-in-loop";
    public const string StringConcatInLoop = "perf/string-concat-in-loop";
    public const string HttpClientPerCall = "perf/httpclient-per-call";
    public const string UnboundedCache = "perf/unbounded-cache";
    public const string IoInLoop = "perf/io-in-loop";

    public const string PyStringConcatInLoop = "perf/py-string-concat-in-loop";
    public const string PyIoInLoop = "perf/py-io-in-loop";
    public const string PyListMembershipInLoop = "perf/py-list-membership-in-loop";

    public const string JsAwaitInLoop = "perf/js-await-in-loop";
    public const string JsSyncFs = "perf/js-sync-fs";
    public const string JsJsonDeepClone = "perf/js-json-deep-clone";
}
