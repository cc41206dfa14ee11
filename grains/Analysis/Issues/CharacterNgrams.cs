using System.Text;

namespace Amas.Orleans.Analysis.Issues;

/// <summary>
/// The character 1-, 2- and 3-grams of a text, after lower-casing and reducing it to words separated by single spaces
/// (digits, punctuation and markup dropped). Words are padded with a space on each side, so "_th" and "ng_" record how
/// words begin and end, which is where European languages differ most (Cavnar &amp; Trenkle 1994).
/// </summary>
public static class CharacterNgrams
{
    public const int MaxOrder = 3;

    public static string Normalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 2);
        builder.Append(' ');
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        if (builder[^1] != ' ')
        {
            builder.Append(' ');
        }

        return builder.ToString();
    }

    public static IEnumerable<string> Of(string text)
    {
        var normalised = Normalise(text);
        for (var order = 1; order <= MaxOrder; order++)
        {
            for (var i = 0; i + order <= normalised.Length; i++)
            {
                var gram = normalised.Substring(i, order);
                if (gram == " " || gram.Contains("  ", StringComparison.Ordinal))
                {
                    continue;
                }

                yield return gram;
            }
        }
    }
}
