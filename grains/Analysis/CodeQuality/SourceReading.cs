namespace Amas.Orleans.Analysis.CodeQuality;

/// <summary>A file's metrics together with the tokens they were measured on, for copy detection to reuse.</summary>
internal sealed record SourceReading(FileMetrics Metrics, IReadOnlyList<CodeToken> Tokens, LineMap Lines);
