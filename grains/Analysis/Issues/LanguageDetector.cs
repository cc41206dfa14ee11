namespace Amas.Orleans.Analysis.Issues;

/// <summary>
/// Detects which of the six <c>issue_respond</c> languages a text is written in.
/// <para>
/// Script first: a text whose letters are mostly Han or Kana is Chinese or Japanese, and any Hiragana or Katakana makes
/// it Japanese (Chinese never uses Kana; Japanese rarely goes a sentence without it). Latin-script text goes to a
/// multinomial naive-Bayes model over character 1–3-grams, one <see cref="LanguageProfile"/> per language built from the
/// embedded training paragraphs.
/// </para>
/// <para>
/// Naive Bayes treats overlapping grams as independent, so its raw posterior is near 1 after a few words. The
/// confidence is therefore a tempered posterior: the log-likelihoods are divided by √n for n grams, so evidence grows
/// with the square root of the text's length rather than linearly (each character sits in three grams, and
/// neighbouring grams say nearly the same thing). Texts with fewer than <see cref="MinimumLatinLetters"/> Latin letters (or
/// <see cref="MinimumCjkCharacters"/> Han/Kana characters), or whose best tempered posterior is below
/// <see cref="MinimumConfidence"/>, are <see cref="IssueLanguage.Unknown"/>.
/// </para>
/// </summary>
public sealed class LanguageDetector
{
    public const int MinimumLatinLetters = 12;
    public const int MinimumCjkCharacters = 4;
    public const double MinimumConfidence = 0.6;
    private const double Smoothing = 0.5;

    private static readonly IssueLanguage[] LatinLanguages = [IssueLanguage.English, IssueLanguage.Spanish, IssueLanguage.French, IssueLanguage.German];

    private readonly IReadOnlyList<LanguageProfile> _latinProfiles;
    private readonly int _vocabularySize;

    public LanguageDetector(IReadOnlyList<LanguageProfile> latinProfiles)
    {
        ArgumentNullException.ThrowIfNull(latinProfiles);
        if (latinProfiles.Count == 0)
        {
            throw new ArgumentException("at least one profile is needed", nameof(latinProfiles));
        }

        _latinProfiles = latinProfiles;
        _vocabularySize = latinProfiles.SelectMany(p => p.Grams).Distinct(StringComparer.Ordinal).Count() + 1;
    }

    /// <summary>The detector built from the embedded training text; building it takes a few milliseconds.</summary>
    public static LanguageDetector Default => Lazy.Value;

    private static readonly Lazy<LanguageDetector> Lazy = new(() =>
        new LanguageDetector([.. LatinLanguages.Select(l => new LanguageProfile(l, LanguageTrainingText.Read(l)))]));

    public LanguageGuess Detect(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Unknown("too short");
        }

        var scripts = ScriptCounts.Of(text);

        // A Latin word carries about as much as one Han character, so five Latin letters weigh as one CJK unit: a
        // Chinese sentence naming "Docker" or "NullReferenceException" stays Chinese.
        var cjkUnits = scripts.Cjk;
        var latinUnits = scripts.Latin / 5.0;
        if (cjkUnits > 0 && cjkUnits >= latinUnits)
        {
            if (scripts.Cjk < MinimumCjkCharacters)
            {
                return Unknown("too short");
            }

            var share = cjkUnits / (cjkUnits + latinUnits + scripts.Other);
            return scripts.Kana > 0
                ? Known(IssueLanguage.Japanese, share, "script: kana present")
                : Known(IssueLanguage.Chinese, share, "script: han without kana");
        }

        if (scripts.Latin < Math.Max(MinimumLatinLetters, scripts.Other))
        {
            return Unknown(scripts.Other > scripts.Latin ? "unsupported script" : "too short");
        }

        return ClassifyLatin(text);
    }

    private LanguageGuess ClassifyLatin(string text)
    {
        var grams = CharacterNgrams.Of(text).ToList();
        var logLikelihoods = new double[_latinProfiles.Count];
        foreach (var gram in grams)
        {
            for (var i = 0; i < _latinProfiles.Count; i++)
            {
                logLikelihoods[i] += _latinProfiles[i].LogProbability(gram, _vocabularySize, Smoothing);
            }
        }

        var temper = 1 / Math.Sqrt(Math.Max(1, grams.Count));
        var max = logLikelihoods.Max();
        var weights = logLikelihoods.Select(l => Math.Exp((l - max) * temper)).ToArray();
        var sum = weights.Sum();
        var scores = new Dictionary<IssueLanguage, double>();
        var best = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            scores[_latinProfiles[i].Language] = weights[i] / sum;
            if (weights[i] > weights[best])
            {
                best = i;
            }
        }

        var confidence = weights[best] / sum;
        return confidence < MinimumConfidence
            ? new LanguageGuess(IssueLanguage.Unknown, confidence, "ambiguous", scores)
            : new LanguageGuess(_latinProfiles[best].Language, confidence, "n-grams", scores);
    }

    private static LanguageGuess Unknown(string reason) => new(IssueLanguage.Unknown, 0, reason, new Dictionary<IssueLanguage, double>());

    private static LanguageGuess Known(IssueLanguage language, double confidence, string reason) =>
        new(language, confidence, reason, new Dictionary<IssueLanguage, double> { [language] = confidence });
}
