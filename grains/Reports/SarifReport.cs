using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Amas.Orleans.Findings;
using Amas.Orleans.Reports.Sarif;
using Amas.Orleans.Tasks;

namespace Amas.Orleans.Reports;

/// <summary>A finished task's findings as a SARIF 2.1.0 log: one run per task, one result per finding.</summary>
public static class SarifReport
{
    public const string ToolName = "Amas.Orleans";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // The log is a file or an API body, never inlined into HTML, so '<', '&' and non-ASCII text stay readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <param name="result">The task's result; only its snapshot and metrics are used, not its page of findings.</param>
    /// <param name="allFindings">Every finding of the task.</param>
    /// <param name="ruleDescriptions">Descriptions by rule id; a rule without one is described by its first finding.</param>
    public static string Write(TaskResult result, IReadOnlyList<Finding> allFindings, IReadOnlyDictionary<string, string>? ruleDescriptions = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(allFindings);

        var task = result.Task;
        var rules = SarifRules.Collect(allFindings, ruleDescriptions);
        var run = new SarifRun
        {
            Tool = new SarifTool(Driver(rules)),
            AutomationDetails = SarifRunContext.AutomationDetails(task),
            Invocations = [SarifRunContext.Invocation(task)],
            OriginalUriBaseIds = SarifRunContext.OriginalUriBaseIds(task),
            VersionControlProvenance = SarifRunContext.Provenance(task),
            Results = allFindings.Select(f => SarifResults.From(f, rules)).ToList(),
            Properties = SarifRunContext.Properties(result),
        };

        return JsonSerializer.Serialize(new SarifLog { Runs = [run] }, Json);
    }

    private static SarifToolComponent Driver(SarifRules rules)
    {
        var assembly = typeof(SarifReport).Assembly;
        return new SarifToolComponent
        {
            Name = ToolName,
            InformationUri = RepositoryUrl(assembly),
            SemanticVersion = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion,
            Rules = rules.Descriptors,
        };
    }

    /// <summary>The project's address when the build stamped one (MSBuild's <c>RepositoryUrl</c>); no guessed URL.</summary>
    private static string? RepositoryUrl(Assembly assembly)
        => assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Where(a => a.Key == "RepositoryUrl" && Uri.TryCreate(a.Value, UriKind.Absolute, out _))
            .Select(a => a.Value)
            .FirstOrDefault();
}
