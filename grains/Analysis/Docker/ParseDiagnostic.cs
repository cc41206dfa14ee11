namespace Amas.Orleans.Analysis.Docker;

/// <summary>Something the parser could not make sense of; parsing carried on past it.</summary>
/// <param name="Line">1-based.</param>
public sealed record ParseDiagnostic(int Line, string Message, string Text);
