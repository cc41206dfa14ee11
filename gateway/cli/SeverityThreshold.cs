using System.Text.Json;

namespace Amas.Orleans.Cli;

/// <summary>The severities in the API's order, and how many findings of a result are at or above one of them.</summary>
public static class SeverityThreshold
{
    public static readonly IReadOnlyList<string> Names = ["info", "low", "medium", "high", "critical"];

    public static int Rank(string severity) => Names.IndexOf(severity.ToLowerInvariant());

    /// <summary>Counted from the result's summary (<c>summary.by_severity</c>), which covers every finding, not a page.</summary>
    public static int CountAtOrAbove(JsonElement result, string threshold)
    {
        var floor = Rank(threshold);
        var count = 0;
        if (result.TryGetProperty("summary", out var summary) && summary.TryGetProperty("by_severity", out var bySeverity))
        {
            foreach (var severity in bySeverity.EnumerateObject())
            {
                if (Rank(severity.Name) >= floor)
                {
                    count += severity.Value.GetInt32();
                }
            }
        }

        return count;
    }
}

internal static class ListExtensions
{
    public static int IndexOf(this IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }

        return -1;
    }
}
