using Amas.Orleans.Findings;
using YamlDotNet.RepresentationModel;

namespace Amas.Orleans.Analysis.Docker;

/// <summary>The built-in compose rules: privileges and host namespaces, secrets in environment, image tags, the Docker socket.</summary>
public static class ComposeRules
{
    public const string ParseRuleId = "AMAS-COMPOSE-PARSE";

    private static readonly HashSet<string> DangerousCapabilities = new(StringComparer.OrdinalIgnoreCase)
    {
        "ALL", "SYS_ADMIN", "CAP_SYS_ADMIN", "SYS_PTRACE", "CAP_SYS_PTRACE", "SYS_MODULE", "CAP_SYS_MODULE",
    };

    public static IReadOnlyList<ComposeRule> Default { get; } =
    [
        new ComposeRule
        {
            Id = "AMAS-COMPOSE-PRIVILEGED",
            Description = "Services should not run privileged",
            Severity = Severity.High,
            Check = service => service.Scalar("privileged") is { } node && IsTrue(node.Value)
                ? [At(service, node, $"privileged: {node.Value}",
                    $"Service '{service.Name}' runs privileged, with every capability and access to the host's devices.",
                    "Remove privileged and add only the capabilities the service needs with cap_add.")]
                : [],
        },
        new ComposeRule
        {
            Id = "AMAS-COMPOSE-CAP-ADD",
            Description = "Services should not add capabilities that amount to root on the host",
            Severity = Severity.High,
            Check = service => service.Child("cap_add") is YamlSequenceNode caps
                ? caps.Children.OfType<YamlScalarNode>().Where(c => c.Value is { } v && DangerousCapabilities.Contains(v))
                    .Select(c => At(service, c, $"cap_add: {c.Value}",
                        $"Service '{service.Name}' adds the capability {c.Value}, which lets it escape to the host.",
                        "Drop it, or add the narrower capability the service actually needs."))
                : [],
        },
        new ComposeRule
        {
            Id = "AMAS-COMPOSE-HOST-NETWORK",
            Description = "Services should not share the host's network namespace",
            Severity = Severity.Medium,
            Check = service => service.Scalar("network_mode") is { Value: "host" } node
                ? [At(service, node, "network_mode: host",
                    $"Service '{service.Name}' uses the host's network, so every port it opens is open on the host.",
                    "Use a compose network and publish only the ports needed.")]
                : [],
        },
        new ComposeRule
        {
            Id = "AMAS-COMPOSE-HOST-PID",
            Description = "Services should not share the host's process namespace",
            Severity = Severity.High,
            Check = service => service.Scalar("pid") is { Value: "host" } node
                ? [At(service, node, "pid: host",
                    $"Service '{service.Name}' sees and can signal every process on the host.",
                    "Remove pid: host.")]
                : [],
        },
        new ComposeRule
        {
            Id = "AMAS-COMPOSE-SECRET",
            Description = "Environment values should not hold secrets",
            Severity = Severity.High,
            Check = service => service.Environment()
                .Where(e => SecretSettings.IsSecret(e.Name, e.Value))
                .Select(e => new DockerViolation(e.Line, e.Line,
                    $"Service '{service.Name}' sets {e.Name} to a literal secret in the compose file.",
                    SecretSettings.Redacted(e.Name, e.Value!),
                    $"{service.Name} {SecretSettings.Redacted(e.Name, e.Value!)}",
                    $"Reference it instead: {e.Name}: ${{{e.Name}}}, or use compose secrets.")),
        },
        new ComposeRule
        {
            Id = "AMAS-COMPOSE-LATEST",
            Description = "Images should not use the 'latest' tag",
            Severity = Severity.Medium,
            Check = service => Image(service) is { } image && image.Reference.Tag == "latest" && image.Reference.Digest is null
                ? [At(service, image.Node, $"image: {image.Node.Value}",
                    $"Service '{service.Name}' uses the moving 'latest' tag of {image.Reference.Repository}.",
                    "Pin a version or a digest.")]
                : [],
        },
        new ComposeRule
        {
            Id = "AMAS-COMPOSE-UNTAGGED",
            Description = "Images should carry an explicit tag",
            Severity = Severity.Medium,
            // With build: the image key names what compose builds, not something pulled.
            Check = service => Image(service) is { } image && service.Child("build") is null
                && image.Reference.Tag is null && image.Reference.Digest is null
                ? [At(service, image.Node, $"image: {image.Node.Value}",
                    $"Service '{service.Name}' pulls {image.Reference.Repository} without a tag, which means 'latest'.",
                    "Pin a version or a digest.")]
                : [],
        },
        new ComposeRule
        {
            Id = "AMAS-COMPOSE-DOCKER-SOCK",
            Description = "The Docker socket should not be mounted into containers",
            Severity = Severity.High,
            Check = service => Volumes(service)
                .Where(v => v.Source.Contains("docker.sock", StringComparison.Ordinal))
                .Select(v => At(service, v.Node, $"volume: {v.Source}",
                    $"Service '{service.Name}' mounts the Docker socket, which gives it root on the host.",
                    "Remove the mount, or put a socket proxy that allows only the calls needed in between.")),
        },
    ];

    private static DockerViolation At(ComposeService service, YamlNode node, string evidence, string message, string fix)
    {
        var line = ComposeService.Line(node);
        return new DockerViolation(line, line, message, evidence, $"{service.Name} {evidence}", fix);
    }

    private static bool IsTrue(string? value) =>
        value is not null && (value.Equals("true", StringComparison.OrdinalIgnoreCase)
            || value.Equals("yes", StringComparison.OrdinalIgnoreCase) || value.Equals("on", StringComparison.OrdinalIgnoreCase));

    private static (YamlScalarNode Node, ImageReference Reference)? Image(ComposeService service) =>
        service.Scalar("image") is { Value: { Length: > 0 } text } node && !text.Contains('$', StringComparison.Ordinal)
            ? (node, ImageReference.Parse(text, text))
            : null;

    /// <summary>Volume sources in the short (<c>host:container</c>) and long (<c>source:</c>) syntax.</summary>
    private static IEnumerable<(string Source, YamlNode Node)> Volumes(ComposeService service)
    {
        if (service.Child("volumes") is not YamlSequenceNode volumes)
        {
            yield break;
        }

        foreach (var volume in volumes.Children)
        {
            if (volume is YamlScalarNode { Value: { } text })
            {
                yield return (text.Split(':')[0], volume);
            }
            else if (volume is YamlMappingNode map
                && map.Children.TryGetValue(new YamlScalarNode("source"), out var source)
                && source is YamlScalarNode { Value: { } path })
            {
                yield return (path, source);
            }
        }
    }
}
