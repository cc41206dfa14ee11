namespace Amas.Orleans.Analysis.Issues;

/// <summary>
/// The n-gram counts of one language's training text, answering log P(gram | language) with additive (Lidstone)
/// smoothing over a vocabulary shared by all profiles, so an unseen gram costs every language the same way.
/// </summary>
public sealed class LanguageProfile
{
    private readonly Dictionary<string, int> _counts;
    private readonly int _total;

    public LanguageProfile(IssueLanguage language, string trainingText)
    {
        ArgumentNullException.ThrowIfNull(trainingText);
        Language = language;
        _counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var gram in CharacterNgrams.Of(trainingText))
        {
            _counts[gram] = _counts.GetValueOrDefault(gram) + 1;
            _total++;
        }
    }

    public IssueLanguage Language { get; }

    public int DistinctGrams => _counts.Count;

    public IEnumerable<string> Grams => _counts.Keys;

    public double LogProbability(string gram, int vocabularySize, double smoothing)
    {
        var count = _counts.GetValueOrDefault(gram);
        return Math.Log((count + smoothing) / (_total + smoothing * vocabularySize));
    }
}
