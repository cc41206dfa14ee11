namespace Amas.Orleans.Silo.Hosting;

/// <summary>How a silo joins its cluster and keeps state (configuration section <c>Amas:Silo</c>).</summary>
public sealed class SiloHostOptions
{
    public const string SectionName = "Amas:Silo";

    public static readonly IReadOnlyList<string> ClusteringModes = ["localhost"];
    public static readonly IReadOnlyList<string> PersistenceModes = ["memory"];

    /// <summary><c>localhost</c>: a development cluster on this machine.</summary>
    public string Clustering { get; set; } = "localhost";

    /// <summary><c>memory</c>: grain state lives in the silo's memory and is lost with it.</summary>
    public string Persistence { get; set; } = "memory";

    public string ServiceId { get; set; } = "amas";
    public string ClusterId { get; set; } = "amas-dev";
    public int SiloPort { get; set; } = 11111;
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Collect the statistics the Orleans Dashboard shows.</summary>
    public bool Dashboard { get; set; } = true;
}
