using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Docker;

/// <summary>One Dockerfile check. A rule is data: the analyser knows nothing about any particular check.</summary>
public sealed class DockerRule
{
    /// <summary>hadolint's id where one matches (DL3007), ours otherwise (AMAS-DOCKER-USER); it is the finding's rule.</summary>
    public required string Id { get; init; }

    public required string Description { get; init; }

    public required Severity Severity { get; init; }

    public required Func<Dockerfile, IEnumerable<DockerViolation>> Check { get; init; }

    public override string ToString() => Id;
}
