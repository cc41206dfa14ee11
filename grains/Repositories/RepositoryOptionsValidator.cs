using Microsoft.Extensions.Options;

namespace Amas.Orleans.Repositories;

/// <summary>Fails start-up on repository settings that would be unsafe or meaningless, naming the key.</summary>
public sealed class RepositoryOptionsValidator : IValidateOptions<RepositoryOptions>
{
    // Git's remote-helper transports that run arbitrary commands; no configuration may enable them.
    internal static readonly IReadOnlySet<string> ForbiddenSchemes =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "ext", "fd" };

    public ValidateOptionsResult Validate(string? name, RepositoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string prefix = RepositoryOptions.SectionName;
        var failures = new List<string>();

        for (var i = 0; i < options.AllowedRoots.Count; i++)
        {
            var root = options.AllowedRoots[i];
            if (string.IsNullOrWhiteSpace(root) || !Path.IsPathFullyQualified(root))
            {
                failures.Add($"{prefix}:AllowedRoots:{i} must be an absolute directory path, but is '{root}'.");
            }
        }

        if (options.AllowedGitSchemes is { } schemes)
        {
            for (var i = 0; i < schemes.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(schemes[i]) || ForbiddenSchemes.Contains(schemes[i]) ||
                    !Uri.CheckSchemeName(schemes[i]))
                {
                    failures.Add($"{prefix}:AllowedGitSchemes:{i} '{schemes[i]}' is not an allowed git scheme.");
                }
            }
        }

        if (options.AllowedGitHosts is { } hosts)
        {
            for (var i = 0; i < hosts.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(hosts[i]))
                {
                    failures.Add($"{prefix}:AllowedGitHosts:{i} must not be empty.");
                }
            }
        }

        if (string.IsNullOrWhiteSpace(options.CacheDirectory) || !Path.IsPathFullyQualified(options.CacheDirectory))
        {
            failures.Add($"{prefix}:CacheDirectory must be an absolute directory path, but is '{options.CacheDirectory}'.");
        }

        if (options.MaxFileBytes <= 0)
        {
            failures.Add($"{prefix}:MaxFileBytes must be positive, but is {options.MaxFileBytes}.");
        }

        if (options.GitTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{prefix}:GitTimeout must be positive, but is {options.GitTimeout}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
