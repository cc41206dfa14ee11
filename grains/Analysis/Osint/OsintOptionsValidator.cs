using System.Net;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Analysis.Osint;

/// <summary>Fails start-up on address allow-lists that do not parse, naming the key, instead of failing the first fetch.</summary>
public sealed class OsintOptionsValidator : IValidateOptions<OsintOptions>
{
    public ValidateOptionsResult Validate(string? name, OsintOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string prefix = OsintOptions.SectionName;
        var failures = new List<string>();
        for (var i = 0; i < options.AllowedAddresses.Count; i++)
        {
            if (!IPAddress.TryParse(options.AllowedAddresses[i], out _))
            {
                failures.Add($"{prefix}:AllowedAddresses:{i} '{options.AllowedAddresses[i]}' is not an IP address.");
            }
        }

        for (var i = 0; i < options.AllowedNetworks.Count; i++)
        {
            if (!IPNetwork.TryParse(options.AllowedNetworks[i], out _))
            {
                failures.Add($"{prefix}:AllowedNetworks:{i} '{options.AllowedNetworks[i]}' is not a network in CIDR notation (e.g. 10.0.0.0/8).");
            }
        }

        if (string.IsNullOrWhiteSpace(options.UserAgent) || options.UserAgent.Any(char.IsControl))
        {
            failures.Add($"{prefix}:UserAgent must be a non-empty line of text.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
