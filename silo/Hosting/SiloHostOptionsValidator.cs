using Microsoft.Extensions.Options;

namespace Amas.Orleans.Silo.Hosting;

/// <summary>Refuses a bad silo configuration at startup, naming the key, the value and what is valid.</summary>
public sealed class SiloHostOptionsValidator : IValidateOptions<SiloHostOptions>
{
    public ValidateOptionsResult Validate(string? name, SiloHostOptions options)
    {
        var failures = new List<string>();
        CheckChoice(failures, nameof(options.Clustering), options.Clustering, SiloHostOptions.ClusteringModes);
        CheckChoice(failures, nameof(options.Persistence), options.Persistence, SiloHostOptions.PersistenceModes);
        CheckPort(failures, nameof(options.SiloPort), options.SiloPort);
        CheckPort(failures, nameof(options.GatewayPort), options.GatewayPort);
        if (options.SiloPort == options.GatewayPort && options.SiloPort != 0)
        {
            failures.Add($"{SiloHostOptions.SectionName}:SiloPort and :GatewayPort must differ (both are {options.SiloPort}).");
        }

        if (!System.Net.IPAddress.TryParse(options.AdvertisedAddress, out _))
        {
            failures.Add($"{SiloHostOptions.SectionName}:AdvertisedAddress '{options.AdvertisedAddress}' is not an IP address.");
        }

        if (options.Kubernetes && !options.Clustering.Equals("redis", StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"{SiloHostOptions.SectionName}:Kubernetes needs {SiloHostOptions.SectionName}:Clustering=redis (Kubernetes hosting does not replace clustering).");
        }

        if (string.IsNullOrWhiteSpace(options.ServiceId))
        {
            failures.Add($"{SiloHostOptions.SectionName}:ServiceId must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(options.ClusterId))
        {
            failures.Add($"{SiloHostOptions.SectionName}:ClusterId must not be empty.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckChoice(List<string> failures, string key, string value, IReadOnlyList<string> valid)
    {
        if (!valid.Contains(value, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"{SiloHostOptions.SectionName}:{key} is '{value}'; valid values: {string.Join(", ", valid)}.");
        }
    }

    private static void CheckPort(List<string> failures, string key, int port)
    {
        if (port is < 0 or > 65535)
        {
            failures.Add($"{SiloHostOptions.SectionName}:{key} is {port}; a port is 0 to 65535.");
        }
    }
}
