namespace Amas.Orleans.Analysis.Dependencies;

/// <summary>
/// Compares runs of ASCII digits by value without parsing them: version parts such as date stamps
/// (20240101123456789) overflow a long, and leading zeros must not matter.
/// </summary>
internal static class NumericText
{
    public static int Compare(string left, string right)
    {
        var a = left.TrimStart('0');
        var b = right.TrimStart('0');
        return a.Length != b.Length ? a.Length.CompareTo(b.Length) : Math.Sign(string.CompareOrdinal(a, b));
    }

    public static bool IsZero(string digits) => digits.TrimStart('0').Length == 0;
}
