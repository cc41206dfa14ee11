namespace Amas.Orleans.Analysis.Documentation;

/// <summary>One public type or function a file declares, where, and whether a doc comment sits on it.</summary>
public sealed record PublicApi(string Name, string Kind, int Line, string Declaration, bool HasDocComment);
