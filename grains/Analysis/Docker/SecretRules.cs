using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Docker;

/// <summary>Credentials baked into the image through ENV or ARG, where <c>docker history</c> shows them to anyone.</summary>
internal static class SecretRules
{
    public const string Id = "AMAS-DOCKER-SECRET";

    public static IEnumerable<DockerRule> Create()
    {
        yield return new DockerRule
        {
            Id = Id,
            Description = "ENV and ARG should not hold secrets",
            Severity = Severity.High,
            Check = Secrets,
        };
    }

    private static IEnumerable<DockerViolation> Secrets(Dockerfile file)
    {
        foreach (var instruction in file.Instructions.Where(i => i.Is("ENV") || i.Is("ARG")))
        {
            foreach (var (name, value) in KeyValueArguments.Read(instruction.Arguments))
            {
                if (!SecretSettings.IsSecret(name, value))
                {
                    continue;
                }

                // Evidence and anchor carry only the redacted form: the clear value must not reach reports or logs.
                var evidence = $"{instruction.Keyword} {SecretSettings.Redacted(name, value!)}";
                yield return new DockerViolation(
                    instruction.StartLine,
                    instruction.EndLine,
                    $"{instruction.Keyword} {name} holds a literal secret, which stays readable in the image's history.",
                    evidence,
                    evidence,
                    "Pass it at run time, or use RUN --mount=type=secret during the build.");
            }
        }
    }
}
