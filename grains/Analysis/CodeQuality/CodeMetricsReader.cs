namespace Amas.Orleans.Analysis.CodeQuality;

/// <summary>
/// Per-file metrics for any text file: C# through Roslyn, Python, JavaScript/TypeScript, Java, Go and other C-like
/// languages through the lexer, anything else by line counts only (no comments, no functions, no tokens, since its
/// comment syntax is unknown).
/// </summary>
public static class CodeMetricsReader
{
    public static FileMetrics Read(SourceFile file, CancellationToken cancellationToken = default) =>
        ReadWithTokens(file, cancellationToken).Metrics;

    internal static SourceReading ReadWithTokens(SourceFile file, CancellationToken cancellationToken)
    {
        var language = SourceLanguageDetector.FromExtension(file.Extension);
        if (language == SourceLanguage.CSharp)
        {
            return CSharpMetricsReader.Read(file, cancellationToken);
        }

        return LexicalSyntax.For(language) is { } syntax
            ? LexicalMetricsReader.Read(file, syntax, cancellationToken)
            : CountLines(file);
    }

    private static SourceReading CountLines(SourceFile file)
    {
        var tally = new LineTally(new LineMap(file.Text));
        for (var line = 1; line <= tally.Lines.Count; line++)
        {
            var start = tally.Lines.StartOf(line);
            var end = tally.Lines.EndOf(line, file.Text);
            if (!file.Text.AsSpan(start, end - start).IsWhiteSpace())
            {
                tally.MarkCode(start, end);
            }
        }

        return new SourceReading(tally.ToMetrics(file.Path, SourceLanguage.Unknown, []), [], tally.Lines);
    }
}
