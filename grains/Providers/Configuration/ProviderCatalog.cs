using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Providers.Configuration;

/// <summary>
/// Every deployment the silo knows, built once from <see cref="ProvidersOptions"/>. Keys are read from
/// configuration only, which on a host includes the environment: the deployment's own <c>ApiKey</c>, then
/// <c>AMAS_PROVIDERS__&lt;ID&gt;__APIKEY</c>, then the provider's usual variable (<c>DEEPSEEK_API_KEY</c>…).
/// </summary>
public sealed class ProviderCatalog
{
    private readonly Dictionary<string, ProviderDeployment> _byId;

    public ProviderCatalog(IOptions<ProvidersOptions> options, IConfiguration configuration)
    {
        Deployments = Build(options.Value, configuration);
        _byId = Deployments.ToDictionary(d => d.Id, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>In priority order, then by id.</summary>
    public IReadOnlyList<ProviderDeployment> Deployments { get; }

    public ProviderDeployment? Find(string id) => _byId.GetValueOrDefault(id);

    public static IReadOnlyList<ProviderDeployment> Build(ProvidersOptions options, IConfiguration configuration)
    {
        var deployments = new List<ProviderDeployment>();
        foreach (var defaults in BuiltInProviders.All)
        {
            var row = options.Deployments.GetValueOrDefault(defaults.Id) ?? new ProviderDeploymentOptions();
            if (row.Enabled != false)
            {
                deployments.Add(Merge(defaults.Id, defaults, row, configuration));
            }
        }

        foreach (var (id, row) in options.Custom)
        {
            if (row.Enabled != false && row.BaseUrl is not null && row.Model is not null)
            {
                deployments.Add(Merge(id.ToLowerInvariant(), defaults: null, row, configuration));
            }
        }

        return [.. deployments.OrderBy(d => d.Priority).ThenBy(d => d.Id, StringComparer.Ordinal)];
    }

    private static ProviderDeployment Merge(string id, ProviderDefaults? defaults, ProviderDeploymentOptions row, IConfiguration configuration)
    {
        var variable = row.ApiKeyVariable ?? defaults?.ApiKeyVariable;
        var conventional = $"AMAS_PROVIDERS__{id.ToUpperInvariant()}__APIKEY";
        List<string> sources = [$"{ProvidersOptions.SectionName}:{(defaults is null ? "Custom" : "Deployments")}:{id}:ApiKey", conventional];
        if (variable is not null)
        {
            sources.Add(variable);
        }

        return new ProviderDeployment
        {
            Id = id,
            Name = row.Name ?? defaults?.Name ?? id,
            BaseUrl = new Uri(row.BaseUrl ?? defaults!.BaseUrl, UriKind.Absolute),
            Model = row.Model ?? defaults!.Model,
            Priority = row.Priority ?? defaults?.Priority ?? 100,
            Timeout = row.Timeout ?? BuiltInProviders.DefaultTimeout,
            Adapter = row.Adapter ?? defaults?.Adapter ?? "openai",
            IsCustom = defaults is null,
            KeySources = sources,
            PromptCostPerMillion = row.PromptCostPerMillion ?? 0,
            CompletionCostPerMillion = row.CompletionCostPerMillion ?? 0,
            ApiKey = FirstNonBlank(
                row.ApiKey,
                // The environment provider turns AMAS_PROVIDERS__GROQ__APIKEY into this key.
                configuration[$"AMAS_PROVIDERS:{id}:APIKEY"],
                variable is null ? null : configuration[variable]),
        };
    }

    private static string? FirstNonBlank(params string?[] values)
        => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
}
