namespace Amas.Orleans.Gateway.Hosting;

/// <summary>How the gateway reaches the cluster (configuration section <c>Amas:Gateway</c>).</summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Amas:Gateway";

    public static readonly IReadOnlyList<string> ClusterModes = ["embedded", "client"];

    /// <summary>
    /// <c>embedded</c>: this process is also the (single) silo, the one-command default. <c>client</c>: an Orleans
    /// client of silos running elsewhere.
    /// </summary>
    public string Cluster { get; set; } = "embedded";

    public bool IsEmbedded => string.Equals(Cluster, "embedded", StringComparison.OrdinalIgnoreCase);

    public static readonly IReadOnlyList<string> ClusteringModes = ["localhost", "redis"];

    /// <summary>
    /// How a <c>client</c> finds the silos: <c>localhost</c> (the ports below) or <c>redis</c> (the membership table
    /// at <c>Amas:Redis:ConnectionString</c>, the same the silos use).
    /// </summary>
    public string Clustering { get; set; } = "localhost";

    /// <summary>Gateway ports of the silos, for <c>client</c> mode with localhost clustering.</summary>
    public List<int> SiloGatewayPorts { get; set; } = [30000];

    /// <summary>
    /// How long a gateway in <c>client</c> mode waits for a grain call before answering 503 with Retry-After: a
    /// request caught by a dying silo gets an answer or a retryable error, never a hang.
    /// </summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public string ServiceId { get; set; } = "amas";
    public string ClusterId { get; set; } = "amas-dev";
}
