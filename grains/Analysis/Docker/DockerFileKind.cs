namespace Amas.Orleans.Analysis.Docker;

/// <summary>What the DockerMonitor makes of a file.</summary>
public enum DockerFileKind
{
    None,
    Dockerfile,
    Compose,
}
