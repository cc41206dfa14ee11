namespace Amas.Orleans.Analysis.CodeQuality;

/// <summary>
/// A file's normalised tokens, read the same way <see cref="CodeMetricsReader"/> reads them (so the final pass of
/// copy detection sees exactly what the per-file pass fingerprinted) but without measuring functions.
/// </summary>
internal static class CloneTokenizer
{
    public static CloneTokens? Read(SourceFile file, CancellationToken cancellationToken)
    {
        var language = SourceLanguageDetector.FromExtension(file.Extension);
        if (language == SourceLanguage.CSharp)
        {
            var root = CSharpMetricsReader.Parse(file, cancellationToken);
            return CloneTokens.From(file.Text, CSharpTokens.OfCode(root), new LineMap(file.Text), language);
        }

        if (LexicalSyntax.For(language) is not { } syntax)
        {
            return null;
        }

        var lexed = SourceLexer.Lex(file.Text, syntax, cancellationToken);
        return CloneTokens.From(file.Text, LexicalTokenizer.Tokenize(lexed, syntax, cancellationToken), lexed.Lines, language);
    }
}
