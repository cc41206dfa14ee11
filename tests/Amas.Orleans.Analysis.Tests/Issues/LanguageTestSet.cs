using Amas.Orleans.Analysis.Issues;

namespace Amas.Orleans.Analysis.Tests.Issues;

/// <summary>The hand-written test texts in <c>Fixtures/language-test-set.tsv</c>.</summary>
internal static class LanguageTestSet
{
    public static IReadOnlyList<(IssueLanguage Expected, string Text)> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Issues", "Fixtures", "language-test-set.tsv");
        return [.. File.ReadAllLines(path)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t', 2))
            .Select(parts => (IssueLanguageNames.ParseOption(parts[0]) ?? throw new InvalidDataException(parts[0]), parts[1]))];
    }

    /// <summary>Sentences, lower-cased and with whitespace collapsed, split at Latin and CJK sentence ends.</summary>
    public static IEnumerable<string> Sentences(string text) =>
        text.Split(['.', '!', '?', '。', '！', '？', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Select(s => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant())
            .Where(s => s.Length >= 4);
}
