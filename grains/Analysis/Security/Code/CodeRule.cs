using System.Buffers;
using System.Text.RegularExpressions;
using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Security.Code;

/// <summary>
/// One dangerous-code pattern (eval on input, shell built by concatenation, TLS validation switched off...) with the
/// CWE it is an instance of. A rule is data; <see cref="DangerousCodeScanner"/> knows no language.
/// </summary>
public sealed class CodeRule
{
    /// <summary>Stable id in the form <c>code/&lt;language&gt;-&lt;kind&gt;</c>.</summary>
    public required string Id { get; init; }

    /// <summary>What the code does, as a sentence fragment ("eval() on a value that is not a literal").</summary>
    public required string Description { get; init; }

    /// <summary>The weakness, as "CWE-n".</summary>
    public required string Cwe { get; init; }

    public required Severity Severity { get; init; }

    /// <summary>File extensions (lower case, with the dot) the rule reads; empty means every file.</summary>
    public required IReadOnlySet<string> Extensions { get; init; }

    /// <summary>
    /// Compiled with <see cref="SecretRule.PatternOptions"/>. An optional group named "at" marks where the finding
    /// points when the pattern needs context before it (a boundary character, say).
    /// </summary>
    public required Regex Pattern { get; init; }

    /// <summary>Case-sensitive pre-filter on the whole file; empty means the pattern always runs.</summary>
    public required IReadOnlyList<string> Keywords { get; init; }

    /// <summary>A matched line containing one of these is the safe form (yaml.load with SafeLoader).</summary>
    public IReadOnlyList<string> SafeLineMarkers { get; init; } = [];

    /// <summary>A file containing one of these has the guard in place (an ObjectInputFilter, say).</summary>
    public IReadOnlyList<string> SafeFileMarkers { get; init; } = [];

    public required string Fix { get; init; }

    private SearchValues<string>? KeywordSearch =>
        Keywords.Count == 0 ? null : field ??= SearchValues.Create([.. Keywords], StringComparison.Ordinal);

    public bool AppliesTo(SourceFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return (Extensions.Count == 0 || Extensions.Contains(file.Extension))
            && (KeywordSearch is not { } search || file.Text.AsSpan().ContainsAny(search))
            && !SafeFileMarkers.Any(marker => file.Text.Contains(marker, StringComparison.Ordinal));
    }

    public static Regex CreatePattern(string pattern) => new(pattern, SecretRule.PatternOptions);

    public override string ToString() => Id;
}
