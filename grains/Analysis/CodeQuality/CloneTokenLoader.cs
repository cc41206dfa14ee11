namespace Amas.Orleans.Analysis.CodeQuality;

/// <summary>
/// Reads a file's tokens again for the final pass; null when the file can no longer be read. The caller need not
/// check that the file is unchanged: the finder compares the reading with the fingerprints and ignores a mismatch.
/// </summary>
internal delegate ValueTask<CloneTokens?> CloneTokenLoader(CloneFingerprints file, CancellationToken cancellationToken);
