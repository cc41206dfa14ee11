using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Docker;

/// <summary>One check of a compose service. Like <see cref="DockerRule"/>, a rule is data.</summary>
public sealed class ComposeRule
{
    public required string Id { get; init; }

    public required string Description { get; init; }

    public required Severity Severity { get; init; }

    public required Func<ComposeService, IEnumerable<DockerViolation>> Check { get; init; }

    public override string ToString() => Id;
}
