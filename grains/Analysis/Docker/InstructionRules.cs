using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Docker;

/// <summary>Rules about how single instructions are written: WORKDIR, ADD, CMD forms, RUN shells and deprecated forms.</summary>
internal static class InstructionRules
{
    private static readonly string[] ArchiveExtensions =
        [".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz", ".tbz2", ".tar.xz", ".txz", ".tar.zst", ".gz", ".bz2", ".xz", ".zst"];

    private static readonly HashSet<string> PosixShells = new(StringComparer.Ordinal) { "sh", "bash", "ash", "dash", "zsh", "ksh" };

    public static IEnumerable<DockerRule> Create()
    {
        yield return new DockerRule
        {
            Id = "DL3000",
            Description = "WORKDIR should be an absolute path",
            Severity = Severity.Medium,
            Check = file => Instructions(file, "WORKDIR")
                .Where(i => !IsAbsolute(i.Arguments.Trim().Trim('"', '\'')))
                .Select(i => DockerViolation.At(i, "WORKDIR is relative, so it depends on whatever directory came before.",
                    "Use an absolute path: WORKDIR /app.")),
        };
        yield return new DockerRule
        {
            Id = "DL3003",
            Description = "WORKDIR should be used instead of cd",
            Severity = Severity.Low,
            Check = file => RunInstruction.Flag(file,
                run => run.Script.Commands.Any(c => c.Runs("cd")),
                "RUN changes directory with cd, which later instructions do not see.",
                "Set the directory with WORKDIR."),
        };
        yield return new DockerRule
        {
            Id = "DL3004",
            Description = "sudo should not be used in RUN",
            Severity = Severity.Medium,
            Check = file => RunInstruction.Flag(file,
                run => run.Script.Commands.Any(c => c.Runs("sudo")),
                "RUN uses sudo, whose TTY and signal handling misbehave in builds.",
                "Switch with USER root for the step, or use gosu in entrypoints."),
        };
        yield return new DockerRule
        {
            Id = "DL3020",
            Description = "COPY should be used instead of ADD for local files",
            Severity = Severity.Medium,
            Check = file => Instructions(file, "ADD")
                .Where(i => i.Heredocs.Count == 0 && AddSources(i).Any(IsPlainLocalFile))
                .Select(i => DockerViolation.At(i,
                    "ADD copies local files with surprising extras (archive extraction, URLs); COPY says what it does.",
                    "Use COPY for local files and directories.")),
        };
        yield return new DockerRule
        {
            Id = "DL3025",
            Description = "CMD and ENTRYPOINT should use the JSON (exec) form",
            Severity = Severity.Low,
            Check = file => file.Instructions
                .Where(i => (i.Is("CMD") || i.Is("ENTRYPOINT")) && !i.IsExecForm)
                .Select(i => DockerViolation.At(i,
                    $"{i.Keyword} in shell form runs under /bin/sh -c, so the process never receives SIGTERM.",
                    $"Use the JSON form: {i.Keyword} [\"executable\", \"arg\"].")),
        };
        yield return new DockerRule
        {
            Id = "DL3059",
            Description = "Consecutive RUN instructions should be combined",
            Severity = Severity.Info,
            Check = file => file.Stages.SelectMany(s => s.Instructions.Zip(s.Instructions.Skip(1)))
                .Where(pair => pair.First.Is("RUN") && pair.Second.Is("RUN")
                    && pair.First.Flags.SequenceEqual(pair.Second.Flags))
                .Select(pair => DockerViolation.At(pair.Second,
                    "This RUN directly follows another one and adds a layer of its own.",
                    "Join consecutive RUN instructions with &&.")),
        };
        yield return new DockerRule
        {
            Id = "DL4000",
            Description = "MAINTAINER is deprecated",
            Severity = Severity.Low,
            Check = file => Instructions(file, "MAINTAINER")
                .Select(i => DockerViolation.At(i, "MAINTAINER is deprecated.",
                    "Use LABEL org.opencontainers.image.authors=\"…\".")),
        };
        yield return new DockerRule
        {
            Id = "DL4006",
            Description = "RUN with a pipe should set pipefail",
            Severity = Severity.Low,
            Check = file => RunInstruction.Flag(file,
                run => NeedsPipefail(file, run),
                "RUN pipes one command into another without pipefail, so a failure on the left goes unnoticed.",
                "Put SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"] before this RUN."),
        };
        yield return new DockerRule
        {
            Id = "AMAS-DOCKER-CURL-PIPE",
            Description = "Downloaded scripts should not be piped into a shell",
            Severity = Severity.High,
            Check = file => RunInstruction.Flag(file,
                run => run.Script.Commands.Zip(run.Script.Commands.Skip(1)).Any(pair =>
                    pair.First.PipesInto && pair.First.Runs("curl", "wget")
                    && (PosixShells.Contains(pair.Second.Program)
                        || (pair.Second.Runs("sudo") && pair.Second.Arguments.FirstOrDefault() is { } elevated
                            && PosixShells.Contains(Path.GetFileName(elevated))))),
                "RUN pipes a download straight into a shell, running whatever the server sends unchecked.",
                "Download to a file, verify its checksum, then run it."),
        };
    }

    private static bool NeedsPipefail(Dockerfile file, RunInstruction run)
    {
        if (run.Instruction.IsExecForm || !run.Script.HasPipe || run.Script.Contains("pipefail"))
        {
            return false;
        }

        // Without SHELL the script runs under /bin/sh -c; under PowerShell or cmd pipefail means nothing.
        return ShellBefore(file, run) is not { Count: > 0 } shell
            || (PosixShells.Contains(Path.GetFileName(shell[0])) && !shell.Contains("pipefail"));
    }

    /// <summary>The exec array of the SHELL in effect for the RUN, inherited from a parent stage if need be.</summary>
    private static IReadOnlyList<string>? ShellBefore(Dockerfile file, RunInstruction run)
    {
        foreach (var stage in StageRules.Lineage(file, run.Stage))
        {
            var visible = ReferenceEquals(stage, run.Stage)
                ? stage.Instructions.TakeWhile(i => !ReferenceEquals(i, run.Instruction))
                : stage.Instructions;
            if (visible.LastOrDefault(i => i.Is("SHELL") && i.IsExecForm) is { } shell)
            {
                return shell.ExecForm;
            }
        }

        return null;
    }

    private static IEnumerable<DockerInstruction> Instructions(Dockerfile file, string keyword) =>
        file.Instructions.Where(i => i.Is(keyword));

    private static bool IsAbsolute(string path) =>
        path.StartsWith('/') || path.StartsWith('$')
        || (path.Length >= 3 && char.IsAsciiLetter(path[0]) && path[1] == ':' && path[2] is '\\' or '/');

    private static IEnumerable<string> AddSources(DockerInstruction add)
    {
        var words = add.ExecForm ?? add.Arguments.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Take(Math.Max(0, words.Count - 1));
    }

    private static bool IsPlainLocalFile(string source) =>
        !source.Contains("://", StringComparison.Ordinal)
        && !source.StartsWith("git@", StringComparison.Ordinal)
        && !ArchiveExtensions.Any(e => source.EndsWith(e, StringComparison.OrdinalIgnoreCase));
}
