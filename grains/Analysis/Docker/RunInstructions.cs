namespace Amas.Orleans.Analysis.Docker;

/// <summary>Every RUN of a Dockerfile with its stage and parsed script, the unit most rules look at.</summary>
internal sealed record RunInstruction(BuildStage Stage, DockerInstruction Instruction, ShellScript Script)
{
    public static IEnumerable<RunInstruction> In(Dockerfile file) =>
        file.Stages.SelectMany(stage => stage.Instructions
            .Where(i => i.Is("RUN"))
            .Select(i => new RunInstruction(stage, i, RunScripts.Of(i))));

    /// <summary>One violation per RUN whose script has a command the predicate flags.</summary>
    public static IEnumerable<DockerViolation> Flag(
        Dockerfile file,
        Func<RunInstruction, bool> violates,
        string message,
        string? fix = null) =>
        In(file).Where(violates).Select(run => DockerViolation.At(run.Instruction, message, fix));
}
