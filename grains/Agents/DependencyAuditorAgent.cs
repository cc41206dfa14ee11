using Amas.Orleans.Analysis;
using Amas.Orleans.Analysis.Dependencies;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Agents;

/// <summary>
/// Layer 1: lists the dependencies that manifests and lock files declare (NuGet, npm, PyPI, Go, crates.io, Maven)
/// and reports those an OSV advisory affects, matched with each ecosystem's own version order.
/// </summary>
public sealed partial class DependencyAuditorAgent : IAgent
{
    // Used only when the host registered no IHttpClientFactory; one client for the process, recycling connections
    // so DNS changes are seen.
    private static readonly Lazy<HttpClient> SharedClient = new(() => new HttpClient(
        new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }));

    private readonly DependencyAuditOptions _options;
    private readonly DependencyAuditor _auditor;
    private readonly ILogger _logger;

    public DependencyAuditorAgent(
        IOptions<DependencyAuditOptions> options,
        IHttpClientFactory? httpClientFactory = null,
        ILogger<DependencyAuditorAgent>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _auditor = new DependencyAuditor(CreateSources(_options, httpClientFactory));
    }

    public AgentDescriptor Descriptor { get; } = new()
    {
        Name = DependencyFindings.AgentName,
        Layer = 1,
        Description = "Reads manifests and lock files (csproj, Directory.Packages.props, packages.lock.json, "
            + "package.json, package-lock.json, requirements.txt, poetry.lock, go.mod, Cargo.lock, pom.xml) and "
            + "reports dependencies with known vulnerabilities from OSV advisories, with the version that fixes them.",
        Capabilities = ["security", "dependencies"],
    };

    public async Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Repository is null)
        {
            return AgentResult.Empty("no repository to analyse");
        }

        var manifests = new List<SourceFile>();
        int unreadable = 0, oversized = 0;
        foreach (var file in context.Repository.Files.Where(f => _auditor.IsManifest(f.RelativePath)))
        {
            if (file.Length > _options.MaxManifestBytes)
            {
                oversized++;
                continue;
            }

            try
            {
                manifests.Add(new SourceFile(file.RelativePath, await File.ReadAllTextAsync(file.FullPath, cancellationToken)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A file deleted or locked since checkout costs one file, not the whole run.
                unreadable++;
            }
        }

        var report = await _auditor.AuditAsync(manifests, cancellationToken);
        foreach (var error in report.SourceErrors)
        {
            LogSourceFailed(_logger, context.TaskId, error);
        }

        var metrics = new Dictionary<string, double>
        {
            ["manifests"] = report.Manifests.Count,
            ["dependencies"] = report.Dependencies.Count,
            ["vulnerable_dependencies"] = report.VulnerableDependencies,
            ["advisories_loaded"] = report.AdvisoriesLoaded,
            ["parse_errors"] = report.ParseErrors,
            ["advisories_unreadable"] = report.AdvisoriesUnreadable,
            ["advisory_source_errors"] = report.SourceErrors.Count,
            ["files_unreadable"] = unreadable,
            ["files_oversized"] = oversized,
            ["findings"] = report.Findings.Count,
        };
        return new AgentResult(report.Findings, metrics, DependencyAuditSummary.Describe(report));
    }

    private static List<IAdvisorySource> CreateSources(DependencyAuditOptions options, IHttpClientFactory? factory)
    {
        var sources = new List<IAdvisorySource>();
        if (!string.IsNullOrWhiteSpace(options.AdvisoryDirectory))
        {
            sources.Add(new OsvDirectorySource(options.AdvisoryDirectory));
        }

        if (!string.IsNullOrWhiteSpace(options.OsvApiBaseUrl))
        {
            var http = factory?.CreateClient(DependencyAuditOptions.HttpClientName) ?? SharedClient.Value;
            var limits = new OsvApiLimits(
                TimeSpan.FromSeconds(options.ApiTimeoutSeconds), options.ApiBatchSize, options.ApiConcurrency);
            sources.Add(new OsvApiSource(http, new Uri(options.OsvApiBaseUrl, UriKind.Absolute), limits));
        }

        return sources;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId}: DependencyAuditor advisory source failed: {Error}")]
    private static partial void LogSourceFailed(ILogger logger, Guid taskId, string error);
}
