using System.Text.Json.Nodes;

namespace Amas.Orleans.Deploy.Tests.Support;

/// <summary>One rendered overlay: its resources and the questions the tests ask about them.</summary>
public sealed class Manifests(IReadOnlyList<JsonObject> resources)
{
    public static readonly string[] WorkloadKinds = ["Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "ReplicaSet", "Pod"];

    public IReadOnlyList<JsonObject> Resources { get; } = resources;

    public IEnumerable<JsonObject> OfKind(string kind) => Resources.Where(r => Kind(r) == kind);

    public JsonObject Single(string kind, string name)
        => OfKind(kind).SingleOrDefault(r => Name(r) == name) ?? throw new Xunit.Sdk.XunitException($"No {kind} named {name} was rendered.");

    public IEnumerable<JsonObject> Workloads => Resources.Where(r => WorkloadKinds.Contains(Kind(r)));

    public JsonObject SiloDeployment => Single("Deployment", "amas-silo");

    public JsonObject GatewayDeployment => Single("Deployment", "amas-gateway");

    public static string Kind(JsonObject resource) => resource["kind"]?.GetValue<string>() ?? "";

    public static string Name(JsonObject resource) => resource["metadata"]?["name"]?.GetValue<string>() ?? "";

    public static string Describe(JsonObject resource) => $"{Kind(resource)}/{Name(resource)}";

    /// <summary>The pod template of a workload (a Pod is its own template).</summary>
    public static JsonObject PodTemplate(JsonObject workload) => Kind(workload) switch
    {
        "Pod" => workload,
        "CronJob" => (JsonObject)workload["spec"]!["jobTemplate"]!["spec"]!["template"]!,
        _ => (JsonObject)workload["spec"]!["template"]!,
    };

    public static JsonObject PodSpec(JsonObject workload) => (JsonObject)PodTemplate(workload)["spec"]!;

    public static IReadOnlyDictionary<string, string> PodLabels(JsonObject workload)
        => Strings(PodTemplate(workload)["metadata"]?["labels"]);

    public static IEnumerable<JsonObject> Containers(JsonObject workload)
    {
        var spec = PodSpec(workload);
        return Objects(spec["initContainers"]).Concat(Objects(spec["containers"]));
    }

    public static JsonObject Container(JsonObject workload, string name)
        => Objects(PodSpec(workload)["containers"]).Single(c => c["name"]?.GetValue<string>() == name);

    public static IEnumerable<JsonObject> Env(JsonObject container) => Objects(container["env"]);

    public static JsonObject? EnvVar(JsonObject container, string name)
        => Env(container).SingleOrDefault(e => e["name"]?.GetValue<string>() == name);

    public static string? EnvValue(JsonObject container, string name) => EnvVar(container, name)?["value"]?.GetValue<string>();

    public static IEnumerable<JsonObject> Objects(JsonNode? node) => node is JsonArray array ? array.OfType<JsonObject>() : [];

    public static IReadOnlyList<string> StringList(JsonNode? node)
        => node is JsonArray array ? array.Select(n => n!.ToString()).ToList() : [];

    public static IReadOnlyDictionary<string, string> Strings(JsonNode? node)
        => node is JsonObject map ? map.ToDictionary(p => p.Key, p => p.Value?.ToString() ?? "") : new Dictionary<string, string>();

    /// <summary>Whether a label selector's matchLabels all hold for these labels (matchExpressions are not used here).</summary>
    public static bool Selects(JsonNode? selector, IReadOnlyDictionary<string, string> labels)
    {
        if (selector is not JsonObject s)
        {
            return false;
        }

        if (s["matchExpressions"] is JsonArray { Count: > 0 })
        {
            throw new NotSupportedException("matchExpressions are not evaluated by these tests; use matchLabels.");
        }

        return Strings(s["matchLabels"]).All(pair => labels.TryGetValue(pair.Key, out var value) && value == pair.Value);
    }
}
