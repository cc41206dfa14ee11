namespace Amas.Orleans.Silo.Hosting;

/// <summary>How a silo joins its cluster and keeps state (configuration section <c>Amas:Silo</c>).</summary>
public sealed class SiloHostOptions
{
    public const string SectionName = "Amas:Silo";

    public static readonly IReadOnlyList<string> ClusteringModes = ["localhost", "redis"];
    public static readonly IReadOnlyList<string> PersistenceModes = ["memory", "postgres"];

    /// <summary>
    /// <c>localhost</c>: a development cluster on this machine (the first silo is the primary).
    /// <c>redis</c>: membership in Redis (<c>Amas:Redis:ConnectionString</c>); silos and clients find each other there.
    /// </summary>
    public string Clustering { get; set; } = "localhost";

    /// <summary>
    /// <c>memory</c>: grain state and reminders live in the silo's memory and are lost with it.
    /// <c>postgres</c>: grain state, reminders and the task index in PostgreSQL (<c>Amas:Postgres:ConnectionString</c>;
    /// apply the schema first with <c>silo migrate</c>).
    /// </summary>
    public string Persistence { get; set; } = "memory";

    /// <summary>
    /// Running in Kubernetes: Orleans' Kubernetes hosting takes the silo's identity from the pod (POD_NAME, POD_IP,
    /// POD_NAMESPACE, ORLEANS_SERVICE_ID, ORLEANS_CLUSTER_ID) and removes pods of dead silos. It does not replace
    /// clustering, so it needs <c>redis</c>.
    /// </summary>
    public bool Kubernetes { get; set; }

    /// <summary>The address other silos and clients reach this silo at.</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    public string ServiceId { get; set; } = "amas";
    public string ClusterId { get; set; } = "amas-dev";
    public int SiloPort { get; set; } = 11111;
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Collect the statistics the Orleans Dashboard shows.</summary>
    public bool Dashboard { get; set; } = true;
}
