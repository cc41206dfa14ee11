using Amas.Orleans.Agents;
using Amas.Orleans.Repositories;
using Amas.Orleans.Tasks;

namespace Amas.Orleans.Analysis.Tests.Docker;

public sealed class DockerMonitorAgentTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("amas-docker-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Descriptor_presents_a_layer_one_docker_agent()
    {
        var descriptor = new DockerMonitorAgent().Descriptor;

        Assert.Equal(("DockerMonitor", 1), (descriptor.Name, descriptor.Layer));
        Assert.Equal(["security", "docker"], descriptor.Capabilities);
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Description));
    }

    [Fact]
    public async Task Without_a_repository_the_run_is_empty_and_says_why()
    {
        var result = await new DockerMonitorAgent().RunAsync(Context(null), CancellationToken.None);

        Assert.Empty(result.Findings);
        Assert.Equal("no repository to analyse", result.Summary);
    }

    [Fact]
    public async Task Dockerfiles_and_compose_files_are_found_checked_sorted_and_counted()
    {
        var checkout = Checkout(
            ("services/api/Dockerfile", "FROM node:20\nUSER node\nHEALTHCHECK CMD [\"node\", \"ping.js\"]\nCMD node server.js\n"),
            ("docker-compose.yml", "services:\n  api:\n    image: redis:latest\n    privileged: true\n"),
            ("README.md", "FROM ubuntu:latest\n"),
            ("tools/ci.Dockerfile", "FROM alpine:3.20\nUSER app\nHEALTHCHECK NONE\n"));

        var result = await new DockerMonitorAgent().RunAsync(Context(checkout), CancellationToken.None);

        Assert.Equal(
            [("docker-compose.yml", 3, "AMAS-COMPOSE-LATEST"), ("docker-compose.yml", 4, "AMAS-COMPOSE-PRIVILEGED"),
             ("services/api/Dockerfile", 4, "DL3025")],
            result.Findings.Select(f => (f.File!, f.Line!.Value, f.Rule)));
        Assert.Equal(2, result.Metrics["dockerfiles"]);
        Assert.Equal(1, result.Metrics["compose_files"]);
        Assert.Equal(7, result.Metrics["instructions"]);
        Assert.Equal("Checked 2 Dockerfiles (7 instructions) and 1 compose files: 3 findings.", result.Summary);
    }

    [Fact]
    public async Task A_repository_without_docker_files_says_so_and_a_vanished_file_is_counted()
    {
        var checkout = Checkout(("src/app.py", "print('hi')\n"));
        var withGhost = checkout with
        {
            Files = [.. checkout.Files, new RepositoryFile("Dockerfile", Path.Combine(_root, "Dockerfile"), 1)],
        };

        var result = await new DockerMonitorAgent().RunAsync(Context(withGhost), CancellationToken.None);

        Assert.Empty(result.Findings);
        Assert.Equal(1, result.Metrics["files_unreadable"]);
        Assert.Equal("Found no Dockerfile or compose file.", result.Summary);
    }

    [Fact]
    public async Task A_cancelled_run_throws()
    {
        var checkout = Checkout(("Dockerfile", "FROM alpine:3.20\n"));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => new DockerMonitorAgent().RunAsync(Context(checkout), cancelled.Token));
    }

    private RepositoryCheckout Checkout(params (string Path, string Text)[] files) => AgentRuns.Checkout(_root, files);

    private static AgentContext Context(RepositoryCheckout? repository) => AgentRuns.Context("DockerMonitor", repository);
}
