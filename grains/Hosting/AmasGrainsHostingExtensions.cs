using Amas.Orleans.Agents;
using Amas.Orleans.Agents.Completions;
using Amas.Orleans.Agents.Inputs;
using Amas.Orleans.Agents.Journal;
using Amas.Orleans.Agents.Registry;
using Amas.Orleans.Analysis.CodeQuality;
using Amas.Orleans.Analysis.Dependencies;
using Amas.Orleans.Analysis.Forensics;
using Amas.Orleans.Analysis.Osint;
using Amas.Orleans.Fixes;
using Amas.Orleans.Improvements;
using Amas.Orleans.Orchestration;
using Amas.Orleans.Orchestration.Index;
using Amas.Orleans.Placement;
using Amas.Orleans.Providers;
using Amas.Orleans.Repositories;
using Amas.Orleans.Telemetry;
using Amas.Orleans.Uploads;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Hosting;

public static class AmasGrainsHostingExtensions
{
    /// <summary>
    /// Everything the grains need on a silo: options, the agents and their registry, the decision engine, repository
    /// access, uploads, agent placement and task recovery. Storage providers, the reminder service and clustering are
    /// the host's choice (see the silo project); the orchestrator needs a reminder service. Uploads are kept in memory
    /// unless the host registered a shared <see cref="IUploadStore"/> first (the silo does, for PostgreSQL).
    /// </summary>
    public static ISiloBuilder AddAmasGrains(this ISiloBuilder silo, IConfiguration configuration)
    {
        var services = silo.Services;
        services.AddOptions<OrchestratorOptions>()
            .Bind(configuration.GetSection(OrchestratorOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddOptions<CodeQualityOptions>()
            .Bind(configuration.GetSection(CodeQualityOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddOptions<DependencyAuditOptions>()
            .Bind(configuration.GetSection(DependencyAuditOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHttpClient(DependencyAuditOptions.HttpClientName);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AgentRegistry>();
        services.TryAddSingleton<LearnedAgentSkips>();
        services.TryAddSingleton<DecisionEngine>();
        services.TryAddSingleton<AgentRunSlots>();
        services.TryAddSingleton<StorageHealth>();
        // In memory unless the host registered its database's probe (the silo does, for PostgreSQL persistence).
        services.TryAddSingleton<IStorageProbe, MemoryStorageProbe>();
        services.AddMetrics();
        services.TryAddSingleton<TaskMetrics>();
        services.TryAddSingleton<AgentMetrics>();
        // In-memory unless the host registered a shared index (the silo does, for PostgreSQL persistence).
        services.TryAddSingleton<ITaskIndex, InMemoryTaskIndex>();
        services.TryAddSingleton<IAgentRunJournal, InMemoryAgentRunJournal>();
        services.AddHostedService<SiloWarmup>();
        services.AddHostedService<TaskRecoveryService>();
        services.AddOptions<RetentionOptions>()
            .Bind(configuration.GetSection(RetentionOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHostedService<RetentionService>();
        services.AddAmasRepositories(configuration);
        services.AddAmasProviders(configuration);
        services.TryAddSingleton<IAgentCompletions, AgentCompletions>();

        services.AddOptions<UploadOptions>()
            .Bind(configuration.GetSection(UploadOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<IUploadStore, InMemoryUploadStore>();

        // OSINT (fetcher: user agent, address allow-lists; none but public addresses by default) and forensics
        // (allowed roots for file_path; none by default), fed from the task's options and uploads.
        services.TryAddSingleton<IOsintInputs, TaskOsintInputs>();
        services.TryAddSingleton<IForensicsInputs, TaskForensicsInputs>();
        services.AddOsintAgent(configuration);
        services.AddForensicsAgent(configuration);
        services.TryAddSingleton(sp => TaskSpecPolicy.From(
            sp.GetRequiredService<IOptions<OsintOptions>>().Value,
            sp.GetRequiredService<IOptions<ForensicsOptions>>().Value));

        services.AddAgent<CodeQualityInspectorAgent>();
        services.AddAgent<SecurityScannerAgent>();
        services.AddAgent<DockerMonitorAgent>();
        services.AddAgent<PerformanceAnalyzerAgent>();
        services.AddAgent<DependencyAuditorAgent>();
        services.AddAgent<DocumentationAuditorAgent>();
        services.AddAgent<ConflictResolverAgent>();
        services.AddOptions<ImprovementOptions>()
            .Bind(configuration.GetSection(ImprovementOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddAgent<ImprovementAdvisorAgent>();
        services.AddAgent<PerformanceOptimizerAgent>();
        services.AddAgent<IssueResponderAgent>();
        services.AddOptions<ValidationCommandOptions>()
            .Bind(configuration.GetSection(ValidationCommandOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddAgent<AutomatedFixerAgent>();
        services.AddAgent<QualityValidatorAgent>();
        services.AddAgent<DeploymentManagerAgent>();
        services.AddAgent<ReporterAgent>();

        silo.AddPlacementDirector<SpreadAgentsPlacement, SpreadAgentsPlacementDirector>();
        return silo;
    }
}
