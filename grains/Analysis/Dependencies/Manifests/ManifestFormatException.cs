namespace Amas.Orleans.Analysis.Dependencies;

/// <summary>A manifest that parses as its format but not as the manifest it claims to be.</summary>
public sealed class ManifestFormatException(string message) : Exception(message);
