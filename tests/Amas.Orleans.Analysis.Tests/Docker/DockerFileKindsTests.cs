using Amas.Orleans.Analysis.Docker;

namespace Amas.Orleans.Analysis.Tests.Docker;

public sealed class DockerFileKindsTests
{
    [Theory]
    [InlineData("Dockerfile", DockerFileKind.Dockerfile)]
    [InlineData("build/Containerfile", DockerFileKind.Dockerfile)]
    [InlineData("deploy/api.Dockerfile", DockerFileKind.Dockerfile)]
    [InlineData("Dockerfile.prod", DockerFileKind.Dockerfile)]
    [InlineData("docker-compose.yml", DockerFileKind.Compose)]
    [InlineData("ops/docker-compose.override.yaml", DockerFileKind.Compose)]
    [InlineData("compose.yaml", DockerFileKind.Compose)]
    [InlineData("compose.dev.yml", DockerFileKind.Compose)]
    [InlineData("Dockerfile.dockerignore", DockerFileKind.None)]
    [InlineData(".dockerignore", DockerFileKind.None)]
    [InlineData("docs/dockerfile-guide.md", DockerFileKind.None)]
    [InlineData("composer.yml", DockerFileKind.None)]
    [InlineData("k8s/deployment.yaml", DockerFileKind.None)]
    public void Files_are_recognised_by_name(string path, DockerFileKind expected)
    {
        Assert.Equal(expected, DockerFileKinds.Classify(path));
    }
}
