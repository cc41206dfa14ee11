using YamlDotNet.RepresentationModel;

namespace Amas.Orleans.Analysis.Docker;

/// <summary>One service of a compose file, with the lookups the compose rules need.</summary>
/// <param name="Name">The key under <c>services:</c>.</param>
public sealed record ComposeService(string Name, YamlMappingNode Node)
{
    /// <summary>The service's value for <paramref name="key"/> when it is a plain scalar.</summary>
    public YamlScalarNode? Scalar(string key) =>
        Node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value as YamlScalarNode : null;

    public YamlNode? Child(string key) =>
        Node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    /// <summary>
    /// The environment in either form compose accepts: a map (<c>KEY: value</c>) or a list (<c>- KEY=value</c>), each
    /// entry with the line it is written on. A name without value (<c>- KEY</c>) is passed through from the host.
    /// </summary>
    public IEnumerable<(string Name, string? Value, int Line)> Environment()
    {
        switch (Child("environment"))
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    if (key is YamlScalarNode { Value: { } name })
                    {
                        yield return (name, (value as YamlScalarNode)?.Value, Line(key));
                    }
                }

                break;
            case YamlSequenceNode list:
                foreach (var item in list.Children.OfType<YamlScalarNode>())
                {
                    var text = item.Value ?? "";
                    var equals = text.IndexOf('=', StringComparison.Ordinal);
                    yield return equals < 0 ? (text, null, Line(item)) : (text[..equals], text[(equals + 1)..], Line(item));
                }

                break;
        }
    }

    /// <summary>YamlDotNet counts lines from 1 already.</summary>
    public static int Line(YamlNode node) => (int)node.Start.Line;
}
