namespace Amas.Orleans.Analysis.CodeQuality;

/// <summary>Reads the languages Roslyn does not cover: lex, tokenize, then find functions by indentation or by braces.</summary>
internal static class LexicalMetricsReader
{
    public static SourceReading Read(SourceFile file, LexicalSyntax syntax, CancellationToken cancellationToken)
    {
        var lexed = SourceLexer.Lex(file.Text, syntax, cancellationToken);
        var tokens = LexicalTokenizer.Tokenize(lexed, syntax, cancellationToken);
        var functions = syntax.Language == SourceLanguage.Python
            ? PythonFunctionFinder.Measure(lexed, syntax, tokens, cancellationToken)
            : BraceFunctionFinder.Measure(lexed, syntax, tokens, cancellationToken);
        return new SourceReading(lexed.Tally.ToMetrics(file.Path, syntax.Language, functions), tokens, lexed.Lines);
    }
}
