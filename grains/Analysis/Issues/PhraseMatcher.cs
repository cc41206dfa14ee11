namespace Amas.Orleans.Analysis.Issues;

/// <summary>
/// Finds lexicon phrases in lower-cased text. Latin phrases must start a word (so "bug" is not found in "debug" but
/// "crash" is found in "crashes"); phrases written in Han or Kana have no word boundaries to respect.
/// </summary>
public static class PhraseMatcher
{
    public static bool Occurs(string loweredText, string phrase)
    {
        ArgumentNullException.ThrowIfNull(loweredText);
        ArgumentNullException.ThrowIfNull(phrase);
        if (phrase.Any(c => ScriptCounts.IsHan(c) || ScriptCounts.IsKana(c)))
        {
            return loweredText.Contains(phrase, StringComparison.Ordinal);
        }

        for (var at = loweredText.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = loweredText.IndexOf(phrase, at + 1, StringComparison.Ordinal))
        {
            if (at == 0 || !char.IsLetterOrDigit(loweredText[at - 1]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The text with every occurrence of the neutral phrases replaced by spaces.</summary>
    public static string Blank(string loweredText, IEnumerable<string> neutralPhrases)
    {
        foreach (var phrase in neutralPhrases)
        {
            loweredText = loweredText.Replace(phrase, new string(' ', phrase.Length), StringComparison.Ordinal);
        }

        return loweredText;
    }
}
