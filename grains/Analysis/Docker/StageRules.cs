using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Docker;

/// <summary>Rules about base images, stages and the user and health check the final image runs with.</summary>
internal static class StageRules
{
    public static IEnumerable<DockerRule> Create()
    {
        yield return new DockerRule
        {
            Id = "DL3006",
            Description = "Base images should carry an explicit tag",
            Severity = Severity.Medium,
            Check = file => file.Stages
                .Where(s => s.BaseStage is null && !s.Image.IsScratch && !s.Image.HasUnresolvedVariables
                    && s.Image.Tag is null && s.Image.Digest is null && s.Image.Repository.Length > 0)
                .Select(s => DockerViolation.At(s.From,
                    $"The base image '{s.Image.Repository}' has no tag, so every build may pull a different image.",
                    $"Pin a version: FROM {s.Image.Repository}:<version>.")),
        };
        yield return new DockerRule
        {
            Id = "DL3007",
            Description = "The 'latest' tag should not be used for base images",
            Severity = Severity.Medium,
            Check = file => file.Stages
                .Where(s => s.BaseStage is null && s.Image.Tag == "latest" && s.Image.Digest is null)
                .Select(s => DockerViolation.At(s.From,
                    $"The base image '{s.Image.Resolved}' uses the moving 'latest' tag.",
                    $"Pin a version or a digest: FROM {s.Image.Repository}:<version>.")),
        };
        yield return new DockerRule
        {
            Id = "DL3022",
            Description = "COPY --from should name an earlier stage",
            Severity = Severity.Medium,
            Check = UnknownCopySources,
        };
        yield return new DockerRule
        {
            Id = "DL3024",
            Description = "Stage names should be unique",
            Severity = Severity.Medium,
            Check = file => file.Stages
                .Where(s => s.Name is not null && file.Stages.Take(s.Index).Any(e => e.Name == s.Name))
                .Select(s => DockerViolation.At(s.From, $"The stage name '{s.Name}' is already used by an earlier stage.")),
        };
        yield return new DockerRule
        {
            Id = "DL3002",
            Description = "The last USER should not be root",
            Severity = Severity.High,
            Check = file => file.FinalStage?.Instructions.LastOrDefault(i => i.Is("USER")) is { } user && IsRoot(user.Arguments)
                ? [DockerViolation.At(user, "The image runs as root because its last USER is root.",
                    "Switch to an unprivileged user after the steps that need root: USER app.")]
                : [],
        };
        yield return new DockerRule
        {
            Id = "AMAS-DOCKER-USER",
            Description = "The final stage should set a non-root USER",
            Severity = Severity.Medium,
            Check = file => file.FinalStage is { } stage && !SetsUser(file, stage)
                && !stage.Image.Resolved.Contains("nonroot", StringComparison.OrdinalIgnoreCase)
                ? [DockerViolation.At(stage.From, "The final stage never sets a USER, so the container runs as root.",
                    "Create an unprivileged user and add USER <name> before CMD.")]
                : [],
        };
        yield return new DockerRule
        {
            Id = "AMAS-DOCKER-HEALTHCHECK",
            Description = "The final stage should declare a HEALTHCHECK",
            Severity = Severity.Low,
            Check = file => file.FinalStage is { } stage && !Lineage(file, stage).Any(s => s.Instructions.Any(i => i.Is("HEALTHCHECK")))
                ? [DockerViolation.At(stage.From,
                    "The final stage declares no HEALTHCHECK, so an orchestrator cannot tell a hung container from a healthy one.",
                    "Add HEALTHCHECK CMD <probe>, or HEALTHCHECK NONE to say none is wanted.")]
                : [],
        };
        yield return new DockerRule
        {
            Id = "DL4003",
            Description = "A stage should have one CMD",
            Severity = Severity.Low,
            Check = file => Repeated(file, "CMD"),
        };
        yield return new DockerRule
        {
            Id = "DL4004",
            Description = "A stage should have one ENTRYPOINT",
            Severity = Severity.Medium,
            Check = file => Repeated(file, "ENTRYPOINT"),
        };
    }

    /// <summary>The stage and the earlier stages it builds on, nearest first: settings such as USER carry over.</summary>
    internal static IEnumerable<BuildStage> Lineage(Dockerfile file, BuildStage stage)
    {
        for (BuildStage? current = stage; current is not null;
             current = current.BaseStage is { } parent ? file.Stages[parent] : null)
        {
            yield return current;
        }
    }

    private static bool SetsUser(Dockerfile file, BuildStage stage) =>
        Lineage(file, stage).Any(s => s.Instructions.Any(i => i.Is("USER")));

    private static bool IsRoot(string user)
    {
        var name = user.Trim().Split(':')[0];
        return name is "root" or "0";
    }

    private static IEnumerable<DockerViolation> Repeated(Dockerfile file, string keyword) =>
        file.Stages.SelectMany(s => s.Instructions.Where(i => i.Is(keyword)).SkipLast(1)).Select(i => DockerViolation.At(i,
            $"Only the last {keyword} of a stage takes effect; this one is overridden.",
            $"Remove the earlier {keyword}."));

    private static IEnumerable<DockerViolation> UnknownCopySources(Dockerfile file)
    {
        foreach (var stage in file.Stages)
        {
            foreach (var copy in stage.Instructions.Where(i => i.Is("COPY")))
            {
                if (copy.Flag("from") is not { Length: > 0 } source
                    || source.IndexOfAny([':', '/', '@', '$']) >= 0
                    || (int.TryParse(source, out var index) && index >= 0 && index < stage.Index)
                    || file.Stages.Take(stage.Index).Any(s => string.Equals(s.Name, source, StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                yield return DockerViolation.At(copy,
                    $"COPY --from={source} names no earlier stage, so it would pull an image called '{source}'.",
                    "Use the alias of an earlier FROM … AS <name>.");
            }
        }
    }
}
