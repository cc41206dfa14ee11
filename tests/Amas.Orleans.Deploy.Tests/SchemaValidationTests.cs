using Amas.Orleans.Deploy.Tests.Support;

namespace Amas.Orleans.Deploy.Tests;

/// <summary>
/// Every rendered resource against the Kubernetes OpenAPI schemas (npm <c>kubernetes-models</c>), and a broken
/// manifest that must fail: proof the validator is not waving everything through.
/// </summary>
public sealed class SchemaValidationTests
{
    [Theory]
    [MemberData(nameof(RenderedManifestTests.Overlays), MemberType = typeof(RenderedManifestTests))]
    public async Task Every_rendered_resource_validates_against_the_Kubernetes_schemas(string overlay)
    {
        var manifests = await Kustomize.RenderOverlayAsync(overlay);
        var results = await SchemaValidator.ValidateAsync(manifests.Resources);

        Assert.Equal(manifests.Resources.Count, results.Count);
        var invalid = results.Where(r => !r.Valid).ToList();
        Assert.True(invalid.Count == 0, $"{overlay}: {invalid.Count} resource(s) do not validate:\n{string.Join("\n", invalid)}");
        // Everything the overlay uses was really checked against a schema of its kind.
        Assert.Equal(
            manifests.Resources.Select(r => $"{r["apiVersion"]} {Manifests.Kind(r)}").Distinct().Order(),
            results.Select(r => $"{r.ApiVersion} {r.Kind}").Distinct().Order());
    }

    [Fact]
    public async Task A_deliberately_broken_manifest_fails_validation_with_the_reasons()
    {
        var yaml = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "broken-deployment.yaml"));
        var resources = YamlJson.ParseDocuments(yaml);
        var results = (await SchemaValidator.ValidateAsync(resources)).ToDictionary(r => r.Name ?? "");

        Assert.Equal(4, results.Count);
        Assert.All(results.Values, r => Assert.False(r.Valid, r.ToString()));
        var deployment = string.Join(" ", results["broken-replicas"].Errors);
        Assert.Contains("spec/replicas must be integer", deployment);
        Assert.Contains("must have required property name", deployment);
        Assert.Contains("port must be integer", string.Join(" ", results["broken-port"].Errors));
        Assert.Contains("matchLabels must be object", string.Join(" ", results["broken-selector"].Errors));
        Assert.Contains("no schema for example.com/v1 NotAKubernetesKind", string.Join(" ", results["unknown-kind"].Errors));
    }

    [Fact]
    public async Task The_same_deployment_repaired_validates()
    {
        var yaml = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "broken-deployment.yaml"));
        var broken = YamlJson.ParseDocuments(yaml)[0];
        var repaired = (System.Text.Json.Nodes.JsonObject)broken.DeepClone();
        repaired["spec"]!["replicas"] = 3;
        repaired["spec"]!["template"]!["spec"]!["containers"]![0]!["name"] = "app";

        var result = Assert.Single(await SchemaValidator.ValidateAsync([repaired]));
        Assert.True(result.Valid, result.ToString());
    }
}
