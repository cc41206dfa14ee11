namespace Amas.Orleans.Analysis.CodeQuality;

/// <summary>
/// The maintainability index in Visual Studio's form: MI = max(0, 171 − 5.2 ln(V) − 0.23 CC − 16.2 ln(LOC)) × 100 / 171,
/// rounded to a whole number from 0 (worst) to 100, with V the Halstead volume, CC the cyclomatic complexity and LOC the
/// code lines; a logarithm of less than 1 counts as 0, as Visual Studio's does. Visual Studio colours 20–100 green,
/// 10–19 yellow and 0–9 red.
/// </summary>
public static class Maintainability
{
    /// <summary>Below this Visual Studio shows red.</summary>
    public const int RedBelow = 10;

    public static int Index(double halsteadVolume, double cyclomaticComplexity, double linesOfCode)
    {
        var raw = 171
            - 5.2 * SafeLog(halsteadVolume)
            - 0.23 * cyclomaticComplexity
            - 16.2 * SafeLog(linesOfCode);
        return (int)Math.Round(Math.Max(0, raw) * 100 / 171);
    }

    /// <summary>
    /// A whole file, as Visual Studio rates a type: the index of its functions' average volume, complexity and code
    /// lines. Null for a file without functions, which has nothing the index describes.
    /// </summary>
    public static int? OfFile(IReadOnlyCollection<FunctionMetrics> functions) => functions.Count == 0
        ? null
        : Index(
            functions.Average(f => f.HalsteadVolume),
            functions.Average(f => f.CyclomaticComplexity),
            functions.Average(f => f.CodeLines));

    private static double SafeLog(double value) => Math.Max(0, Math.Log(value));
}
