using System.Text.RegularExpressions;

namespace Amas.Orleans.Analysis.Osint;

public sealed record TermCount(string Term, int Count);

/// <summary>Word counts: how often each requested keyword (or phrase) occurs, and the most frequent non-stopword terms.</summary>
public static partial class TextTerms
{
    private static readonly HashSet<string> Stopwords = new(StringComparer.Ordinal)
    {
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do",
        "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have", "having", "he",
        "her", "here", "hers", "herself", "him", "himself", "his", "how", "if", "in", "into", "is", "it", "its", "itself",
        "just", "may", "me", "might", "more", "most", "must", "my", "myself", "no", "nor", "not", "now", "of", "off", "on",
        "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "same", "shall", "she", "should",
        "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these",
        "they", "this", "those", "through", "to", "too", "under", "until", "up", "us", "very", "was", "we", "were", "what",
        "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours",
        "yourself", "yourselves", "get", "got", "one", "new", "use", "via", "www", "http", "https", "com",
    };

    public static IReadOnlyList<string> Tokenize(string text) =>
        WordPattern().Matches(text).Select(m => m.Value.ToLowerInvariant().Trim('\'', '-')).Where(w => w.Length > 0).ToList();

    /// <summary>Whole-word, case-insensitive occurrences of each keyword; a phrase's words may be separated by any whitespace.</summary>
    public static IReadOnlyList<TermCount> KeywordFrequency(string text, IEnumerable<string> keywords)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(keywords);
        var counts = new List<TermCount>();
        foreach (var keyword in keywords.Select(k => k.Trim()).Where(k => k.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var words = keyword.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape);
            var pattern = $@"(?<![\p{{L}}\p{{N}}]){string.Join(@"\s+", words)}(?![\p{{L}}\p{{N}}])";
            var count = Regex.Count(text, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
            counts.Add(new TermCount(keyword.ToLowerInvariant(), count));
        }

        return counts;
    }

    public static IReadOnlyList<TermCount> TopTerms(IEnumerable<string> tokens, int count) =>
        tokens.Where(t => t.Length >= 3 && !Stopwords.Contains(t) && !t.All(char.IsDigit))
            .GroupBy(t => t, StringComparer.Ordinal)
            .Select(g => new TermCount(g.Key, g.Count()))
            .OrderByDescending(t => t.Count)
            .ThenBy(t => t.Term, StringComparer.Ordinal)
            .Take(count)
            .ToList();

    public static string WithoutAddresses(string text) => AddressPattern().Replace(text, " ");

    [GeneratedRegex(@"\S+@\S+|\b(?:https?|ftp)://\S+", RegexOptions.IgnoreCase)]
    private static partial Regex AddressPattern();

    [GeneratedRegex(@"\p{L}[\p{L}\p{N}'-]*")]
    private static partial Regex WordPattern();
}
