using Amas.Orleans.Analysis;
using Amas.Orleans.Analysis.Docker;
using Amas.Orleans.Findings;

namespace Amas.Orleans.Agents;

/// <summary>Layer 1: checks Dockerfiles and compose files against rules of the hadolint class.</summary>
public sealed class DockerMonitorAgent : IAgent
{
    private readonly DockerfileAnalyzer _dockerfiles = new();
    private readonly ComposeAnalyzer _compose = new();

    public AgentDescriptor Descriptor { get; } = new()
    {
        Name = DockerFindings.AgentName,
        Layer = 1,
        Description = "Checks Dockerfiles and compose files: unpinned and latest base images, root users, package "
            + "caches left in layers, ADD for local files, shell-form CMD, secrets in ENV, ARG and environment, "
            + "privileged services, host namespaces and mounted Docker sockets.",
        Capabilities = ["security", "docker"],
    };

    public async Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Repository is null)
        {
            return AgentResult.Empty("no repository to analyse");
        }

        var findings = new List<Finding>();
        int dockerfiles = 0, composeFiles = 0, instructions = 0, unreadable = 0;
        // Few files and cheap rules: reading them one after another keeps the result deterministic without locks.
        foreach (var file in context.Repository.Files)
        {
            var kind = DockerFileKinds.Classify(file.RelativePath);
            if (kind == DockerFileKind.None)
            {
                continue;
            }

            string text;
            try
            {
                text = await File.ReadAllTextAsync(file.FullPath, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A file deleted or locked since checkout costs one file, not the whole run.
                unreadable++;
                continue;
            }

            var source = new SourceFile(file.RelativePath, text);
            if (kind == DockerFileKind.Dockerfile)
            {
                var analysis = _dockerfiles.Analyze(source, cancellationToken);
                dockerfiles++;
                instructions += analysis.Dockerfile.Instructions.Count;
                findings.AddRange(analysis.Findings);
            }
            else
            {
                composeFiles++;
                findings.AddRange(_compose.Analyze(source, cancellationToken).Findings);
            }
        }

        var sorted = findings
            .OrderBy(f => f.File, StringComparer.Ordinal)
            .ThenBy(f => f.Line)
            .ThenBy(f => f.Rule, StringComparer.Ordinal)
            .ToList();
        var metrics = new Dictionary<string, double>
        {
            ["dockerfiles"] = dockerfiles,
            ["compose_files"] = composeFiles,
            ["instructions"] = instructions,
            ["files_unreadable"] = unreadable,
            ["findings"] = sorted.Count,
        };
        var summary = dockerfiles + composeFiles == 0
            ? "Found no Dockerfile or compose file."
            : $"Checked {dockerfiles} Dockerfiles ({instructions} instructions) and {composeFiles} compose files: "
                + $"{sorted.Count} findings.";
        return new AgentResult(sorted, metrics, summary);
    }
}
