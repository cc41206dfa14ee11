namespace Amas.Orleans.Analysis.CodeQuality;

/// <summary>A winnowed fingerprint: the hash of the k tokens starting at token <see cref="Token"/>.</summary>
internal readonly record struct CloneMark(ulong Hash, int Token);
