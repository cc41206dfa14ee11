namespace Amas.Orleans.Analysis.Osint;

public sealed record SentimentScore(string Method, double Score, string Label, int PositiveWords, int NegativeWords, int Sum);

/// <summary>
/// A small lexicon scorer: AFINN-style integer weights (−5 … +5) for a built-in word list; a negator ("not", "no",
/// "never", "without", "n't") within the three words before flips a weight; the sum is normalised to −1 … 1 as
/// VADER does (sum / √(sum² + 15)). Crude and English-only, and it says so in <see cref="SentimentScore.Method"/>.
/// </summary>
public static class SentimentScorer
{
    public const string Method = "lexicon: AFINN-style weights (-5..+5, built-in English subset), negation within 3 words flips, score = sum/sqrt(sum^2+15)";

    private static readonly Dictionary<string, int> Lexicon = new(StringComparer.Ordinal)
    {
        ["excellent"] = 3, ["amazing"] = 4, ["awesome"] = 4, ["outstanding"] = 5, ["superb"] = 5, ["great"] = 3,
        ["good"] = 3, ["nice"] = 3, ["happy"] = 3, ["love"] = 3, ["loved"] = 3, ["like"] = 2, ["best"] = 3,
        ["better"] = 2, ["wonderful"] = 4, ["fantastic"] = 4, ["pleased"] = 3, ["reliable"] = 2, ["secure"] = 2,
        ["safe"] = 1, ["trusted"] = 2, ["helpful"] = 2, ["friendly"] = 2, ["fast"] = 1, ["easy"] = 1, ["success"] = 2,
        ["successful"] = 3, ["win"] = 4, ["recommend"] = 2, ["recommended"] = 2, ["benefit"] = 2, ["improve"] = 2,
        ["improved"] = 2, ["enjoy"] = 2, ["welcome"] = 2, ["thanks"] = 2, ["thank"] = 2, ["perfect"] = 3,
        ["bad"] = -3, ["terrible"] = -3, ["awful"] = -3, ["horrible"] = -3, ["worst"] = -3, ["worse"] = -3,
        ["poor"] = -2, ["hate"] = -3, ["hated"] = -3, ["angry"] = -3, ["sad"] = -2, ["fail"] = -2, ["failed"] = -2,
        ["failure"] = -2, ["broken"] = -1, ["bug"] = -2, ["bugs"] = -2, ["crash"] = -2, ["slow"] = -2, ["problem"] = -2,
        ["problems"] = -2, ["error"] = -2, ["errors"] = -2, ["risk"] = -2, ["threat"] = -2, ["attack"] = -1,
        ["breach"] = -3, ["leak"] = -2, ["leaked"] = -2, ["scam"] = -3, ["fraud"] = -4, ["malware"] = -3,
        ["vulnerable"] = -2, ["dangerous"] = -2, ["difficult"] = -1, ["disappointed"] = -2, ["annoying"] = -2,
        ["useless"] = -2, ["wrong"] = -2, ["lost"] = -3, ["kill"] = -3, ["dead"] = -3, ["stolen"] = -2, ["spam"] = -2,
    };

    private static readonly HashSet<string> Negators = new(StringComparer.Ordinal) { "not", "no", "never", "without", "isn't", "don't", "doesn't", "wasn't", "can't", "won't", "aren't", "didn't" };

    public static SentimentScore Score(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        int sum = 0, positive = 0, negative = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!Lexicon.TryGetValue(tokens[i], out var weight))
            {
                continue;
            }

            for (var j = Math.Max(0, i - 3); j < i; j++)
            {
                if (Negators.Contains(tokens[j]))
                {
                    weight = -weight;
                    break;
                }
            }

            sum += weight;
            if (weight > 0)
            {
                positive++;
            }
            else
            {
                negative++;
            }
        }

        var score = sum == 0 ? 0 : Math.Round(sum / Math.Sqrt((sum * sum) + 15.0), 4);
        var label = score >= 0.05 ? "positive" : score <= -0.05 ? "negative" : "neutral";
        return new SentimentScore(Method, score, label, positive, negative, sum);
    }
}
