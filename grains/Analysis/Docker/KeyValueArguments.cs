using System.Text;

namespace Amas.Orleans.Analysis.Docker;

/// <summary>
/// Reads the <c>name=value</c> pairs of ENV, ARG and LABEL, including quoted values with spaces and the legacy
/// <c>ENV NAME value</c> form, in which everything after the first space is the value.
/// </summary>
internal static class KeyValueArguments
{
    /// <returns>Each name with its unquoted value, or null when none is given (<c>ARG VERSION</c>).</returns>
    public static List<(string Name, string? Value)> Read(string arguments)
    {
        var trimmed = arguments.Trim();
        var firstSpace = trimmed.IndexOfAny([' ', '\t']);
        var firstEquals = trimmed.IndexOf('=', StringComparison.Ordinal);
        if (firstSpace > 0 && (firstEquals < 0 || firstEquals > firstSpace))
        {
            // The legacy single-pair form; for ARG a second word is meaningless but harmless to read the same way.
            return [(trimmed[..firstSpace], Unquote(trimmed[(firstSpace + 1)..].Trim()))];
        }

        var pairs = new List<(string, string?)>();
        foreach (var word in Words(trimmed))
        {
            var equals = word.IndexOf('=', StringComparison.Ordinal);
            pairs.Add(equals < 0 ? (word, null) : (word[..equals], Unquote(word[(equals + 1)..])));
        }

        return pairs;
    }

    /// <summary>Splits at whitespace outside quotes, keeping the quotes.</summary>
    private static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        char quote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote == '\0' && char.IsWhiteSpace(c))
            {
                if (word.Length > 0)
                {
                    yield return word.ToString();
                    word.Clear();
                }

                continue;
            }

            if (c == '\\' && quote != '\'' && i + 1 < text.Length)
            {
                word.Append(c).Append(text[++i]);
                continue;
            }

            if (quote == '\0' && c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == quote)
            {
                quote = '\0';
            }

            word.Append(c);
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] is '"' or '\'' && value[^1] == value[0] ? value[1..^1] : value;
}
