namespace Amas.Orleans.Providers.Configuration;

/// <summary>
/// <c>Amas:Providers:Mode</c>: how many providers must have a key for the silo to start. <c>minimal</c> runs with
/// none (agents use their rule-based paths), <c>basic</c> needs one, <c>standard</c> three so that failover has
/// somewhere to go, <c>full</c> all fifteen built-in ones.
/// </summary>
public static class ProviderModes
{
    public static readonly IReadOnlyDictionary<string, int> Required = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["minimal"] = 0,
        ["basic"] = 1,
        ["standard"] = 3,
        ["full"] = BuiltInProviders.All.Count,
    };

    /// <summary>Null when the deployments satisfy the mode; otherwise what is missing, naming the keys to set.</summary>
    public static string? Check(string mode, IReadOnlyList<ProviderDeployment> deployments)
    {
        var required = Required[mode];
        var configured = deployments.Where(d => d.Configured).ToList();
        var builtInConfigured = configured.Count(d => !d.IsCustom);
        var enough = mode.Equals("full", StringComparison.OrdinalIgnoreCase) ? builtInConfigured >= required : configured.Count >= required;
        if (enough)
        {
            return null;
        }

        var missing = deployments.Where(d => !d.Configured).Select(d => $"{d.Id} ({string.Join(" or ", d.KeySources.Skip(1))})");
        return $"{ProvidersOptions.SectionName}:Mode '{mode}' needs {required} configured provider{(required == 1 ? "" : "s")} but {configured.Count} "
            + $"{(configured.Count == 1 ? "has" : "have")} a key. Missing keys: {string.Join(", ", missing)}.";
    }
}
