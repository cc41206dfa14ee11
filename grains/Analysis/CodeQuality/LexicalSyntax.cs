namespace Amas.Orleans.Analysis.CodeQuality;

/// <summary>
/// What the lexer needs to know about a language to tell code from comments and string literals, and which words and
/// operators are decisions for cyclomatic complexity.
/// </summary>
internal sealed record LexicalSyntax
{
    public required SourceLanguage Language { get; init; }

    public IReadOnlyList<string> LineComments { get; init; } = ["//"];

    public bool BlockComments { get; init; } = true;

    /// <summary>Quotes opening ordinary strings, which end at the same quote or, unterminated, at the line's end.</summary>
    public string StringQuotes { get; init; } = "\"";

    /// <summary>
    /// Single-quoted character literals, which are short; a <c>'</c> that does not close within a few characters on
    /// its line is code (Rust lifetimes, Java generics in odd spacing), so it cannot swallow the rest of the file.
    /// </summary>
    public bool CharLiterals { get; init; }

    /// <summary>Python's <c>'''</c>/<c>"""</c> and Java's <c>"""</c> text blocks, which span lines.</summary>
    public bool TripleQuotes { get; init; }

    /// <summary>JavaScript template literals: backtick strings with <c>${…}</c> holes that are code again.</summary>
    public bool TemplateLiterals { get; init; }

    /// <summary>Go raw strings: backtick strings without escapes or holes.</summary>
    public bool RawBacktickStrings { get; init; }

    public bool RegexLiterals { get; init; }

    /// <summary>Words adding one to complexity (<c>else if</c> counts through its <c>if</c>).</summary>
    public IReadOnlySet<string> DecisionWords { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Whether <c>&amp;&amp;</c> and <c>||</c> add one each.</summary>
    public bool LogicalOperators { get; init; } = true;

    /// <summary>Whether the conditional <c>? :</c> and <c>??</c> add one each.</summary>
    public bool ConditionalOperators { get; init; } = true;

    /// <summary>Words whose brace block counts as nesting.</summary>
    public IReadOnlySet<string> ControlWords { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public static LexicalSyntax? For(SourceLanguage language) => language switch
    {
        SourceLanguage.Python => Python,
        SourceLanguage.JavaScript => JavaScript,
        SourceLanguage.TypeScript => JavaScript with { Language = SourceLanguage.TypeScript },
        SourceLanguage.Java => Java,
        SourceLanguage.Go => Go,
        SourceLanguage.CLike => CLike,
        _ => null,
    };

    private static HashSet<string> Words(params string[] words) => new(words, StringComparer.Ordinal);

    private static readonly LexicalSyntax Python = new()
    {
        Language = SourceLanguage.Python,
        LineComments = ["#"],
        BlockComments = false,
        StringQuotes = "\"'",
        TripleQuotes = true,
        // `case` is counted by the Python reader itself: it is a keyword only at the start of a match arm.
        DecisionWords = Words("if", "elif", "for", "while", "except", "and", "or"),
        LogicalOperators = false,
        ConditionalOperators = false,
        ControlWords = Words("if", "elif", "else", "for", "while", "try", "except", "finally", "with", "match"),
    };

    private static readonly LexicalSyntax JavaScript = new()
    {
        Language = SourceLanguage.JavaScript,
        StringQuotes = "\"'",
        TemplateLiterals = true,
        RegexLiterals = true,
        // `do … while` counts once, through its `while`.
        DecisionWords = Words("if", "for", "while", "case", "catch"),
        ControlWords = Words("if", "else", "for", "while", "do", "switch", "try", "catch", "finally", "with"),
    };

    private static readonly LexicalSyntax Java = new()
    {
        Language = SourceLanguage.Java,
        CharLiterals = true,
        TripleQuotes = true,
        DecisionWords = Words("if", "for", "while", "case", "catch"),
        ControlWords = Words("if", "else", "for", "while", "do", "switch", "try", "catch", "finally", "synchronized"),
    };

    private static readonly LexicalSyntax Go = new()
    {
        Language = SourceLanguage.Go,
        CharLiterals = true,
        RawBacktickStrings = true,
        DecisionWords = Words("if", "for", "case"),
        ConditionalOperators = false,
        ControlWords = Words("if", "else", "for", "switch", "select"),
    };

    private static readonly LexicalSyntax CLike = new()
    {
        Language = SourceLanguage.CLike,
        CharLiterals = true,
        DecisionWords = Words("if", "for", "while", "case", "catch"),
        ControlWords = Words("if", "else", "for", "while", "do", "switch", "try", "catch"),
    };
}
