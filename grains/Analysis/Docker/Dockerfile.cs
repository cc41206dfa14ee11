namespace Amas.Orleans.Analysis.Docker;

/// <summary>A parsed Dockerfile: its instructions in order, grouped into build stages.</summary>
/// <param name="Directives">Parser directives from the top of the file (<c># syntax=</c>, <c># escape=</c>), names lower case.</param>
/// <param name="Escape">The escape character in effect: <c>\</c> or, on Windows-style files, <c>`</c>.</param>
/// <param name="GlobalArgs">ARG instructions before the first FROM, which only FROM lines can see.</param>
public sealed record Dockerfile(
    IReadOnlyDictionary<string, string> Directives,
    char Escape,
    IReadOnlyList<DockerInstruction> Instructions,
    IReadOnlyList<DockerInstruction> GlobalArgs,
    IReadOnlyList<BuildStage> Stages,
    IReadOnlyList<ParseDiagnostic> Diagnostics)
{
    /// <summary>The stage the image is built from when no target is given: the last one.</summary>
    public BuildStage? FinalStage => Stages.Count == 0 ? null : Stages[^1];
}
