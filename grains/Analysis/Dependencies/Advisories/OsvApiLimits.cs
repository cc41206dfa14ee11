namespace Amas.Orleans.Analysis.Dependencies;

/// <summary>How the OSV API client paces itself. The API accepts at most 1000 queries per batch.</summary>
public sealed record OsvApiLimits(TimeSpan RequestTimeout, int BatchSize = 1000, int Concurrency = 4, int MaxPages = 10);
