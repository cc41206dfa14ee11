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

    /// <summary>
    /// Reserved words: operators for Halstead, kept as they are when copies are compared. Contextual words that are
    /// as often names (<c>get</c>, <c>of</c>, <c>match</c>) are left out, so renaming one is still a rename.
    /// </summary>
    public IReadOnlySet<string> Keywords { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public bool IsKeyword(ReadOnlySpan<char> word) => Keywords is HashSet<string> set
        ? set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word)
        : Keywords.Contains(word.ToString());

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
        Keywords = Words(
            "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
            "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
            "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield"),
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
        Keywords = Words(
            "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else",
            "enum", "export", "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof",
            "let", "new", "null", "return", "super", "switch", "this", "throw", "true", "try", "typeof", "undefined",
            "var", "void", "while", "with", "yield", "await", "implements", "interface", "private", "protected",
            "public", "readonly", "abstract", "declare", "keyof"),
    };

    private static readonly LexicalSyntax Java = new()
    {
        Language = SourceLanguage.Java,
        CharLiterals = true,
        TripleQuotes = true,
        DecisionWords = Words("if", "for", "while", "case", "catch"),
        ControlWords = Words("if", "else", "for", "while", "do", "switch", "try", "catch", "finally", "synchronized"),
        Keywords = Words(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const", "continue",
            "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if",
            "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package", "private",
            "protected", "public", "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this",
            "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false", "null"),
    };

    private static readonly LexicalSyntax Go = new()
    {
        Language = SourceLanguage.Go,
        CharLiterals = true,
        RawBacktickStrings = true,
        DecisionWords = Words("if", "for", "case"),
        ConditionalOperators = false,
        ControlWords = Words("if", "else", "for", "switch", "select"),
        Keywords = Words(
            "break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough", "for", "func",
            "go", "goto", "if", "import", "interface", "map", "package", "range", "return", "select", "struct",
            "switch", "type", "var", "true", "false", "nil"),
    };

    private static readonly LexicalSyntax CLike = new()
    {
        Language = SourceLanguage.CLike,
        CharLiterals = true,
        DecisionWords = Words("if", "for", "while", "case", "catch"),
        ControlWords = Words("if", "else", "for", "while", "do", "switch", "try", "catch"),
        // C and C++ first; the other brace languages read through this syntax share most of them.
        Keywords = Words(
            "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum", "extern",
            "float", "for", "goto", "if", "inline", "int", "long", "register", "restrict", "return", "short",
            "signed", "sizeof", "static", "struct", "switch", "typedef", "union", "unsigned", "void", "volatile",
            "while", "bool", "true", "false", "nullptr", "NULL", "class", "namespace", "template", "typename",
            "public", "private", "protected", "virtual", "override", "final", "new", "delete", "this", "throw", "try",
            "catch", "using", "operator", "friend", "constexpr", "noexcept", "explicit", "mutable", "fn", "let",
            "mut", "impl", "trait", "pub", "mod", "loop", "fun", "val", "var", "func", "guard", "null"),
    };
}
