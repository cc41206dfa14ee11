namespace Amas.Orleans.Repositories;

/// <summary>A text file of a checkout that analysers may read.</summary>
/// <param name="RelativePath">Relative to the checkout root, forward slashes.</param>
/// <param name="FullPath">Absolute path on this silo's disk.</param>
public sealed record RepositoryFile(string RelativePath, string FullPath, long Length);
