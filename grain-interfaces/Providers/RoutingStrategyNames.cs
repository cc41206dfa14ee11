namespace Amas.Orleans.Providers;

/// <summary>The wire names of <see cref="RoutingStrategy"/> (<c>round_robin</c>…), shared by configuration and the HTTP API.</summary>
public static class RoutingStrategyNames
{
    private static readonly Dictionary<string, RoutingStrategy> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["priority"] = RoutingStrategy.Priority,
        ["round_robin"] = RoutingStrategy.RoundRobin,
        ["fastest"] = RoutingStrategy.Fastest,
        ["intelligent"] = RoutingStrategy.Intelligent,
    };

    public static IReadOnlyCollection<string> All => ByName.Keys;

    public static bool TryParse(string? name, out RoutingStrategy strategy)
        => ByName.TryGetValue(name?.Trim() ?? "", out strategy);

    public static string NameOf(RoutingStrategy strategy)
        => ByName.First(pair => pair.Value == strategy).Key;
}
