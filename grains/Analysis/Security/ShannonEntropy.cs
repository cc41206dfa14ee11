namespace Amas.Orleans.Analysis.Security;

/// <summary>
/// Shannon entropy per character: random keys score high (base64 near 6, hex near 4), words and placeholders low.
/// </summary>
public static class ShannonEntropy
{
    public static double BitsPerChar(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return 0;
        }

        var counts = new Dictionary<char, int>();
        foreach (var c in value)
        {
            counts[c] = counts.GetValueOrDefault(c) + 1;
        }

        var entropy = 0.0;
        foreach (var count in counts.Values)
        {
            var p = (double)count / value.Length;
            entropy -= p * Math.Log2(p);
        }

        return entropy;
    }
}
