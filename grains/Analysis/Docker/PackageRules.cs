using Amas.Orleans.Findings;
using static Amas.Orleans.Analysis.Docker.PackageInstalls;

namespace Amas.Orleans.Analysis.Docker;

/// <summary>Rules about apt, apk and pip: reproducible versions and package caches left in the image.</summary>
internal static class PackageRules
{
    private static readonly char[] ApkPinOperators = ['=', '~', '<', '>'];

    private static readonly string[] PipPinOperators = ["==", ">=", "<=", "~=", "!=", "<", ">", "@"];

    public static IEnumerable<DockerRule> Create()
    {
        yield return new DockerRule
        {
            Id = "DL3008",
            Description = "apt-get install should pin package versions",
            Severity = Severity.Low,
            Check = file => RunInstruction.In(file)
                .Select(run => (run, loose: AptGetInstalls(run.Script).SelectMany(AptPackages)
                    .Where(p => !p.Contains('=') && !p.EndsWith(".deb", StringComparison.Ordinal) && !p.Contains('/')).ToList()))
                .Where(x => x.loose.Count > 0)
                .Select(x => DockerViolation.At(x.run.Instruction,
                    $"apt-get install leaves the version of {Names(x.loose)} to chance.",
                    "Pin each package: apt-get install <package>=<version>.")),
        };
        yield return new DockerRule
        {
            Id = "DL3009",
            Description = "apt lists should be deleted after apt-get update",
            Severity = Severity.Low,
            Check = file =>
            {
                var shipped = file.FinalStage is { } final ? StageRules.Lineage(file, final).ToHashSet() : [];
                return RunInstruction.Flag(file,
                    run => shipped.Contains(run.Stage)
                        && run.Script.Commands.Any(c => c.Runs("apt-get") && c.Subcommand == "update")
                        && !run.Script.Commands.Any(c => c.Runs("rm") && c.Arguments.Any(a => a.StartsWith("/var/lib/apt/lists", StringComparison.Ordinal)))
                        && !RunScripts.CachesPath(run.Instruction, "/var/lib/apt/lists"),
                    "apt-get update leaves the package lists in the image layer.",
                    "End the same RUN with: && rm -rf /var/lib/apt/lists/*");
            },
        };
        yield return new DockerRule
        {
            Id = "DL3015",
            Description = "apt-get install should use --no-install-recommends",
            Severity = Severity.Info,
            Check = file => RunInstruction.Flag(file,
                run => AptGetInstalls(run.Script).Any(c => !c.HasArgument("--no-install-recommends")
                    && !c.Arguments.Any(a => a.Contains("Install-Recommends=false", StringComparison.OrdinalIgnoreCase))),
                "apt-get install also installs recommended packages the image does not need.",
                "Add --no-install-recommends."),
        };
        yield return new DockerRule
        {
            Id = "DL3027",
            Description = "Scripts should use apt-get, not apt",
            Severity = Severity.Low,
            Check = file => RunInstruction.Flag(file,
                run => run.Script.Commands.Any(c => c.Runs("apt")),
                "apt is meant for people at a terminal; its interface is not stable for scripts.",
                "Use apt-get (or apt-cache) instead."),
        };
        yield return new DockerRule
        {
            Id = "DL3018",
            Description = "apk add should pin package versions",
            Severity = Severity.Low,
            Check = file => RunInstruction.In(file)
                .Select(run => (run, loose: ApkAdds(run.Script).SelectMany(ApkPackages)
                    .Where(p => p.IndexOfAny(ApkPinOperators) < 0 && !p.EndsWith(".apk", StringComparison.Ordinal)).ToList()))
                .Where(x => x.loose.Count > 0)
                .Select(x => DockerViolation.At(x.run.Instruction,
                    $"apk add leaves the version of {Names(x.loose)} to chance.",
                    "Pin each package: apk add <package>=<version>.")),
        };
        yield return new DockerRule
        {
            Id = "DL3019",
            Description = "apk add should use --no-cache",
            Severity = Severity.Low,
            Check = file => RunInstruction.Flag(file,
                run => ApkAdds(run.Script).Any(c => !c.HasArgument("--no-cache"))
                    && !RunScripts.CachesPath(run.Instruction, "/var/cache/apk"),
                "apk add keeps its package index in the image layer.",
                "Add --no-cache instead of running apk update and deleting the cache."),
        };
        yield return new DockerRule
        {
            Id = "DL3013",
            Description = "pip install should pin package versions",
            Severity = Severity.Low,
            Check = file => RunInstruction.In(file)
                .Select(run => (run, loose: PipInstalls(run.Script).SelectMany(PipRequirements)
                    .Where(r => !PipPinOperators.Any(op => r.Contains(op, StringComparison.Ordinal))).ToList()))
                .Where(x => x.loose.Count > 0)
                .Select(x => DockerViolation.At(x.run.Instruction,
                    $"pip install leaves the version of {Names(x.loose)} to chance.",
                    "Pin each requirement: pip install <package>==<version>, or install from a locked requirements file.")),
        };
        yield return new DockerRule
        {
            Id = "DL3042",
            Description = "pip install should use --no-cache-dir",
            Severity = Severity.Low,
            Check = file => RunInstruction.Flag(file,
                run => PipInstalls(run.Script).Any(args => !args.Contains("--no-cache-dir"))
                    && !DisablesPipCache(run)
                    && !RunScripts.CachesPath(run.Instruction, "/root/.cache/pip"),
                "pip install keeps its download cache in the image layer.",
                "Add --no-cache-dir."),
        };
    }

    private static bool DisablesPipCache(RunInstruction run) =>
        run.Stage.Instructions
            .TakeWhile(i => !ReferenceEquals(i, run.Instruction))
            .Where(i => i.Is("ENV"))
            .Any(i => KeyValueArguments.Read(i.Arguments).Any(p => p.Name == "PIP_NO_CACHE_DIR"));

    private static string Names(List<string> packages) =>
        packages.Count <= 3
            ? string.Join(", ", packages)
            : string.Join(", ", packages.Take(3)) + $" and {packages.Count - 3} more";
}
