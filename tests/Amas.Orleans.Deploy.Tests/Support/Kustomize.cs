using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Amas.Orleans.Deploy.Tests.Support;

/// <summary>
/// Renders an overlay with <c>kubectl kustomize</c>. The kubectl on the machine image carries kustomize v5; an older
/// kubectl (Debian's own package) renders differently or not at all, so it is refused with a message saying so
/// rather than replaced.
/// </summary>
public static class Kustomize
{
    public const int RequiredMajorVersion = 5;

    private static readonly Lazy<Task<string>> Version = new(CheckVersionAsync);
    private static readonly ConcurrentDictionary<string, Lazy<Task<Manifests>>> Rendered = new();

    public static Task<string> KustomizeVersionAsync() => Version.Value;

    /// <summary>The resources of <c>deploy/k8s/overlays/{overlay}</c>, rendered once per test run.</summary>
    public static Task<Manifests> RenderOverlayAsync(string overlay)
        => Rendered.GetOrAdd(overlay, name => new Lazy<Task<Manifests>>(() => RenderAsync(Path.Combine("deploy", "k8s", "overlays", name)))).Value;

    public static async Task<string> RenderYamlAsync(string relativeDirectory)
    {
        await KustomizeVersionAsync();
        var result = await ProcessRunner.RunAsync("kubectl", ["kustomize", relativeDirectory]);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"kubectl kustomize {relativeDirectory} failed ({result.ExitCode}):\n{result.Error}");
        }

        return result.Output;
    }

    private static async Task<Manifests> RenderAsync(string relativeDirectory)
        => new(YamlJson.ParseDocuments(await RenderYamlAsync(relativeDirectory)));

    private static async Task<string> CheckVersionAsync()
    {
        ProcessResult result;
        try
        {
            result = await ProcessRunner.RunAsync("kubectl", ["version", "--client", "-o", "json"]);
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOperationException(
                $"kubectl with kustomize v{RequiredMajorVersion} is required to render deploy/k8s and was not found. {ex.Message}", ex);
        }

        var version = result.ExitCode == 0 && JsonNode.Parse(result.Output) is JsonObject json
            ? json["kustomizeVersion"]?.GetValue<string>()
            : null;
        if (version is null || !version.TrimStart('v').StartsWith($"{RequiredMajorVersion}.", StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"kubectl must embed kustomize v{RequiredMajorVersion}.x to render deploy/k8s; `kubectl version --client` reports " +
                $"kustomize '{version ?? "(none)"}'. Install a kubectl of 1.27 or newer (Debian's kubectl package is too old); " +
                "the tests do not install one themselves.");
        }

        return version;
    }
}
