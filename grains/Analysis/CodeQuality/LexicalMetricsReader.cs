namespace Amas.Orleans.Analysis.CodeQuality;

/// <summary>Reads the languages Roslyn does not cover: lex, then find functions by indentation or by braces.</summary>
internal static class LexicalMetricsReader
{
    public static FileMetrics Read(SourceFile file, LexicalSyntax syntax, CancellationToken cancellationToken)
    {
        var lexed = SourceLexer.Lex(file.Text, syntax, cancellationToken);
        var functions = syntax.Language == SourceLanguage.Python
            ? PythonFunctionFinder.Measure(lexed, syntax, cancellationToken)
            : BraceFunctionFinder.Measure(lexed, syntax, cancellationToken);
        return lexed.Tally.ToMetrics(file.Path, syntax.Language, functions);
    }
}
