namespace Amas.Orleans.Analysis.Dependencies;

/// <summary>A document that is JSON but not an OSV record the audit can use.</summary>
public sealed class OsvFormatException(string message) : Exception(message);
