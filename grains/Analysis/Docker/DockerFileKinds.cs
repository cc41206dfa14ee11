namespace Amas.Orleans.Analysis.Docker;

/// <summary>Which files of a repository the DockerMonitor reads, by name alone.</summary>
public static class DockerFileKinds
{
    public static DockerFileKind Classify(string path)
    {
        var name = Path.GetFileName(path);
        if (name.Equals("Dockerfile", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Containerfile", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".Dockerfile", StringComparison.OrdinalIgnoreCase)
            // Dockerfile.dockerignore sits next to Dockerfile.prod and the like but is an ignore list.
            || (name.StartsWith("Dockerfile.", StringComparison.OrdinalIgnoreCase)
                && !name.EndsWith(".dockerignore", StringComparison.OrdinalIgnoreCase)))
        {
            return DockerFileKind.Dockerfile;
        }

        var isYaml = name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase);
        return isYaml && (name.StartsWith("docker-compose", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("compose.", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("compose-", StringComparison.OrdinalIgnoreCase))
            ? DockerFileKind.Compose
            : DockerFileKind.None;
    }
}
