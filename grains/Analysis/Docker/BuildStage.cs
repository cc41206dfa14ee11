namespace Amas.Orleans.Analysis.Docker;

/// <summary>One stage of a (multi-stage) build: a FROM and the instructions up to the next FROM.</summary>
/// <param name="Index">0-based, the number <c>COPY --from=0</c> refers to.</param>
/// <param name="Name">The alias of <c>FROM … AS name</c>, lower case as BuildKit compares it; null without one.</param>
/// <param name="Platform">The <c>--platform</c> flag's value.</param>
/// <param name="BaseStage">The index of an earlier stage this one builds on (<c>FROM builder</c>); null for an image.</param>
/// <param name="Instructions">The stage's instructions after its FROM.</param>
public sealed record BuildStage(
    int Index,
    DockerInstruction From,
    ImageReference Image,
    string? Name,
    string? Platform,
    int? BaseStage,
    IReadOnlyList<DockerInstruction> Instructions);
