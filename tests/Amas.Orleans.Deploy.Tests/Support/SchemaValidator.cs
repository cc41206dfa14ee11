using System.Text.Json;
using System.Text.Json.Nodes;

namespace Amas.Orleans.Deploy.Tests.Support;

public sealed record SchemaResult(int Index, string? ApiVersion, string? Kind, string? Name, bool Valid, IReadOnlyList<string> Errors)
{
    public override string ToString() => $"{Kind}/{Name} ({ApiVersion}): {(Valid ? "valid" : string.Join("; ", Errors))}";
}

/// <summary>
/// Validates resources against the Kubernetes OpenAPI schemas with the npm package <c>kubernetes-models</c> (its
/// models carry the upstream schemas compiled to validators). The package is installed once with
/// <c>npm install --prefix</c> into a cache folder (<c>AMAS_DEPLOY_TEST_CACHE</c>, else beside the test binaries)
/// and reused while its version matches.
/// </summary>
public static class SchemaValidator
{
    public const string Package = "kubernetes-models";
    public const string PackageVersion = "5.1.0";

    private static readonly Lazy<Task<string>> Installation = new(InstallAsync);

    public static async Task<IReadOnlyList<SchemaResult>> ValidateAsync(IReadOnlyList<JsonObject> resources)
    {
        var prefix = await Installation.Value;
        var input = Path.Combine(prefix, $"resources-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(input, new JsonArray(resources.Select(r => (JsonNode)AsTheApiServerDecodesIt(r)).ToArray()).ToJsonString());
        try
        {
            var result = await ProcessRunner.RunAsync("node", [Path.Combine(prefix, "validate.mjs"), input], workingDirectory: prefix);
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"node validate.mjs failed ({result.ExitCode}):\n{result.Error}");
            }

            return JsonSerializer.Deserialize<List<SchemaResult>>(result.Output, new JsonSerializerOptions(JsonSerializerDefaults.Web))
                ?? throw new InvalidOperationException("The validator printed nothing.");
        }
        finally
        {
            File.Delete(input);
        }
    }

    /// <summary>
    /// kustomize wraps long base64 values of generated Secrets over several lines. The API server decodes them with
    /// Go's base64 decoder, which skips line breaks; the schema's "byte" format does not, so the breaks are removed
    /// here (and only here) before validating.
    /// </summary>
    public static JsonObject AsTheApiServerDecodesIt(JsonObject resource)
    {
        var copy = (JsonObject)resource.DeepClone();
        var field = copy["kind"]?.GetValue<string>() switch
        {
            "Secret" => "data",
            "ConfigMap" => "binaryData",
            _ => null,
        };
        if (field is not null && copy[field] is JsonObject data)
        {
            foreach (var key in data.Select(p => p.Key).ToList())
            {
                if (data[key] is JsonValue value && value.TryGetValue<string>(out var text))
                {
                    data[key] = text.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal);
                }
            }
        }

        return copy;
    }

    private static async Task<string> InstallAsync()
    {
        var cache = Environment.GetEnvironmentVariable("AMAS_DEPLOY_TEST_CACHE") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, ".cache");
        var prefix = Path.Combine(cache, $"{Package}-{PackageVersion}");
        Directory.CreateDirectory(prefix);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Validator", "validate.mjs"), Path.Combine(prefix, "validate.mjs"), overwrite: true);

        var installed = Path.Combine(prefix, "node_modules", Package, "package.json");
        if (File.Exists(installed) && JsonNode.Parse(await File.ReadAllTextAsync(installed))?["version"]?.GetValue<string>() == PackageVersion)
        {
            return prefix;
        }

        ProcessResult npm;
        try
        {
            npm = await ProcessRunner.RunAsync("npm",
                ["install", "--prefix", prefix, "--no-audit", "--no-fund", "--no-save", "--loglevel=error", $"{Package}@{PackageVersion}"],
                workingDirectory: prefix, timeout: TimeSpan.FromMinutes(5));
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOperationException($"npm (Node.js) is needed to install {Package}@{PackageVersion} for schema validation. {ex.Message}", ex);
        }

        if (npm.ExitCode != 0 || !File.Exists(installed))
        {
            throw new InvalidOperationException($"npm install {Package}@{PackageVersion} into {prefix} failed ({npm.ExitCode}):\n{npm.Error}");
        }

        return prefix;
    }
}
