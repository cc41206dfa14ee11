using Microsoft.Extensions.Options;

namespace Amas.Orleans.Analysis.Forensics;

/// <summary>Fails start-up on an allowed root that is not an absolute directory path, naming the key.</summary>
public sealed class ForensicsOptionsValidator : IValidateOptions<ForensicsOptions>
{
    public ValidateOptionsResult Validate(string? name, ForensicsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        for (var i = 0; i < options.AllowedRoots.Count; i++)
        {
            var root = options.AllowedRoots[i];
            if (string.IsNullOrWhiteSpace(root) || !Path.IsPathFullyQualified(root))
            {
                failures.Add($"{ForensicsOptions.SectionName}:AllowedRoots:{i} must be an absolute directory path, but is '{root}'.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
