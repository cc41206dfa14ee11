using System.Globalization;

namespace Amas.Orleans.Analysis.Dependencies;

/// <summary>
/// Base scores from CVSS v3.x and v2 vectors (the formulas of the FIRST specifications). CVSS v4 scores come from a
/// large lookup table of macro vectors that is not reproduced here, so a v4 vector yields no score and the caller
/// falls back to the database's own severity.
/// </summary>
public static class CvssScore
{
    public static double? FromVector(string? vector)
    {
        if (string.IsNullOrWhiteSpace(vector))
        {
            return null;
        }

        // Some feeds put a bare number in "score".
        if (double.TryParse(vector, NumberStyles.Float, CultureInfo.InvariantCulture, out var plain))
        {
            return plain is >= 0 and <= 10 ? plain : null;
        }

        var metrics = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in vector.Trim().Split('/'))
        {
            var pair = part.Split(':', 2);
            if (pair.Length == 2)
            {
                metrics[pair[0]] = pair[1];
            }
        }

        return metrics.GetValueOrDefault("CVSS") switch
        {
            "3.0" or "3.1" => Version3(metrics),
            "4.0" => null,
            _ when metrics.ContainsKey("Au") => Version2(metrics),
            _ => null,
        };
    }

    private static double? Version3(Dictionary<string, string> m)
    {
        var changed = m.GetValueOrDefault("S") == "C";
        double? av = m.GetValueOrDefault("AV") switch { "N" => 0.85, "A" => 0.62, "L" => 0.55, "P" => 0.2, _ => null };
        double? ac = m.GetValueOrDefault("AC") switch { "L" => 0.77, "H" => 0.44, _ => null };
        double? pr = m.GetValueOrDefault("PR") switch
        {
            "N" => 0.85,
            "L" => changed ? 0.68 : 0.62,
            "H" => changed ? 0.5 : 0.27,
            _ => null,
        };
        double? ui = m.GetValueOrDefault("UI") switch { "N" => 0.85, "R" => 0.62, _ => null };
        double? c = Impact3(m.GetValueOrDefault("C"));
        double? i = Impact3(m.GetValueOrDefault("I"));
        double? a = Impact3(m.GetValueOrDefault("A"));
        if (av is null || ac is null || pr is null || ui is null || c is null || i is null || a is null)
        {
            return null;
        }

        var iss = 1 - ((1 - c.Value) * (1 - i.Value) * (1 - a.Value));
        var impact = changed ? (7.52 * (iss - 0.029)) - (3.25 * Math.Pow(iss - 0.02, 15)) : 6.42 * iss;
        if (impact <= 0)
        {
            return 0;
        }

        var exploitability = 8.22 * av.Value * ac.Value * pr.Value * ui.Value;
        return RoundUp(Math.Min((changed ? 1.08 : 1) * (impact + exploitability), 10));
    }

    private static double? Impact3(string? value) => value switch { "H" => 0.56, "L" => 0.22, "N" => 0, _ => null };

    /// <summary>CVSS 3.1 Appendix A: round up to one decimal, done on integers to dodge floating-point error.</summary>
    private static double RoundUp(double value)
    {
        var scaled = (long)Math.Round(value * 100_000);
        return scaled % 10_000 == 0 ? scaled / 100_000.0 : (Math.Floor(scaled / 10_000.0) + 1) / 10.0;
    }

    private static double? Version2(Dictionary<string, string> m)
    {
        double? av = m.GetValueOrDefault("AV") switch { "L" => 0.395, "A" => 0.646, "N" => 1.0, _ => null };
        double? ac = m.GetValueOrDefault("AC") switch { "H" => 0.35, "M" => 0.61, "L" => 0.71, _ => null };
        double? au = m.GetValueOrDefault("Au") switch { "M" => 0.45, "S" => 0.56, "N" => 0.704, _ => null };
        double? c = Impact2(m.GetValueOrDefault("C"));
        double? i = Impact2(m.GetValueOrDefault("I"));
        double? a = Impact2(m.GetValueOrDefault("A"));
        if (av is null || ac is null || au is null || c is null || i is null || a is null)
        {
            return null;
        }

        var impact = 10.41 * (1 - ((1 - c.Value) * (1 - i.Value) * (1 - a.Value)));
        var exploitability = 20 * av.Value * ac.Value * au.Value;
        var f = impact == 0 ? 0 : 1.176;
        return Math.Round(((0.6 * impact) + (0.4 * exploitability) - 1.5) * f, 1, MidpointRounding.AwayFromZero);
    }

    private static double? Impact2(string? value) => value switch { "N" => 0, "P" => 0.275, "C" => 0.660, _ => null };
}
