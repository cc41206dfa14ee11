using Amas.Orleans.Analysis.CodeQuality;

namespace Amas.Orleans.Analysis.Performance.Lexical;

/// <summary>
/// A Python, JavaScript or TypeScript file after the CodeQuality lexer: <see cref="Code"/> is the text with every
/// comment and string literal blanked to spaces (same length, same line breaks), so the rules' patterns cannot match
/// inside them, while <see cref="Text"/> still shows what a literal was.
/// </summary>
public sealed class LexicalSource
{
    private object? _layout;

    private LexicalSource(SourceLanguage language, LexedSource lexed)
    {
        Language = language;
        Lexed = lexed;
    }

    public SourceLanguage Language { get; }

    public string Text => Lexed.Text;

    public string Code => Lexed.Code;

    internal LexedSource Lexed { get; }

    internal LineMap Lines => Lexed.Lines;

    /// <summary>Null for a language without lexical rules here.</summary>
    public static LexicalSource? Lex(SourceFile file, SourceLanguage language, CancellationToken cancellationToken) =>
        language is SourceLanguage.Python or SourceLanguage.JavaScript or SourceLanguage.TypeScript
        && LexicalSyntax.For(language) is { } syntax
            ? new LexicalSource(language, SourceLexer.Lex(file.Text, syntax, cancellationToken))
            : null;

    /// <summary>
    /// The file's block structure, read once and shared by every rule of the language (each reads the same layout).
    /// </summary>
    internal T Layout<T>(Func<LexicalSource, T> read) where T : class =>
        _layout as T ?? (T)(_layout = read(this));

    /// <summary>The code of the 1-based line, literals blanked, without its line break.</summary>
    public string CodeOfLine(int line) => Code[Lines.StartOf(line)..Lines.EndOf(line, Text)];

    /// <summary>The code from <paramref name="offset"/> to the end of its line, trimmed: a hit's construct.</summary>
    public string CodeToEndOfLine(int offset)
    {
        var end = Lines.EndOf(Lines.LineOf(offset), Text);
        var code = Code[offset..Math.Max(offset, end)].Trim();
        return code.Length <= 80 ? code : code[..77] + "...";
    }
}
