using Amas.Orleans.Providers.Configuration;
using Amas.Orleans.Silo.Hosting;
using Microsoft.Extensions.Configuration;

namespace Amas.Orleans.Silo.Commands;

/// <summary>
/// <c>silo check-config</c>: reads the configuration a silo would read (appsettings, environment, arguments) and
/// prints whether it would start: the silo settings, which AI providers have a key (never the key) and where each
/// looks for one, and what every provider mode needs. Exit 0 when the configured mode is satisfied and the silo
/// settings are valid, 1 otherwise.
/// </summary>
public static class CheckConfigCommand
{
    public const string Name = "check-config";

    public static int Run(IConfiguration configuration, TextWriter output)
    {
        var ok = true;
        var silo = new SiloHostOptions();
        configuration.GetSection(SiloHostOptions.SectionName).Bind(silo);
        var validation = new SiloHostOptionsValidator().Validate(null, silo);
        output.WriteLine($"Silo: clustering={silo.Clustering} persistence={silo.Persistence} service={silo.ServiceId} cluster={silo.ClusterId} ports={silo.SiloPort}/{silo.GatewayPort}");
        foreach (var failure in validation.Failed ? validation.Failures : [])
        {
            ok = false;
            output.WriteLine($"  invalid: {failure}");
        }

        var providers = configuration.GetSection(ProvidersOptions.SectionName).Get<ProvidersOptions>() ?? new ProvidersOptions();
        var deployments = ProviderCatalog.Build(providers, configuration);
        output.WriteLine();
        output.WriteLine($"AI providers ({deployments.Count(d => d.Configured)} of {deployments.Count} configured):");
        foreach (var deployment in deployments)
        {
            var state = deployment.Configured ? "configured  " : "unconfigured";
            output.WriteLine($"  {deployment.Id,-10} {state} {deployment.Model} at {deployment.BaseUrl} — key from {string.Join(" or ", deployment.KeySources)}");
        }

        output.WriteLine();
        if (!ProviderModes.Required.ContainsKey(providers.Mode))
        {
            ok = false;
            output.WriteLine($"{ProvidersOptions.SectionName}:Mode '{providers.Mode}' is not a mode; valid: {string.Join(", ", ProviderModes.Required.Keys)}.");
        }

        foreach (var (mode, required) in ProviderModes.Required)
        {
            var missing = ProviderModes.Check(mode, deployments);
            var current = mode.Equals(providers.Mode, StringComparison.OrdinalIgnoreCase) ? " (configured mode)" : "";
            output.WriteLine($"Mode {mode}{current}: needs {required}; {(missing is null ? "satisfied" : "not satisfied")}");
            if (missing is not null && current.Length > 0)
            {
                ok = false;
                output.WriteLine($"  {missing}");
            }
        }

        output.WriteLine();
        output.WriteLine(ok ? "The configuration is valid." : "The configuration is NOT valid: the silo would refuse to start.");
        return ok ? 0 : 1;
    }
}
