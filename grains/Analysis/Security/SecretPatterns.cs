namespace Amas.Orleans.Analysis.Security;

/// <summary>
/// Pattern fragments the rule families share. NonBacktracking has no lookarounds, so a right-hand boundary is written
/// as a consumed "not a token character or end of line" outside the secret group.
/// </summary>
internal static class SecretPatterns
{
    public const string TokenEnd = """(?:[^A-Za-z0-9_\-]|$)""";

    // `=`, `:`, `=>` and `:=` cover shell, YAML, JSON, PHP/Ruby hashes and Go; an optional closing quote after the
    // key covers JSON and dictionary literals.
    public const string Assign = """["']?[ \t]*(?:=|:|=>|:=)[ \t]*""";

    /// <summary>An optional opening quote before a value assigned in context.</summary>
    public const string OpenQuote = """["'`]?""";
}
