using System.Globalization;
using Amas.Orleans.Tasks;

namespace Amas.Orleans.Reports.Sarif;

/// <summary>What a run says about the task around its results: where the sources were, when and how it ran.</summary>
internal static class SarifRunContext
{
    public const string SourceRoot = "SRCROOT";

    public static IReadOnlyDictionary<string, SarifArtifactLocation> OriginalUriBaseIds(TaskSnapshot task)
    {
        // A base id must resolve to an absolute directory URI ending in a slash. A local target has one; a git
        // checkout lives in a scratch folder on some silo, so it is described rather than pointed at.
        // A forensics finding names its file; a file_path's directory is where that name is found.
        var path = task.Kind == TaskKind.Forensics ? Path.GetDirectoryName(task.Options.FilePath) : task.Target?.Path;
        var root = path is not null && Path.IsPathFullyQualified(path)
            ? new SarifArtifactLocation { Uri = new Uri(Path.EndsInDirectorySeparator(path) ? path : path + "/").AbsoluteUri }
            : new SarifArtifactLocation { Description = new SarifMessage(RootDescription(task.Kind)) };
        return new Dictionary<string, SarifArtifactLocation>(StringComparer.Ordinal) { [SourceRoot] = root };
    }

    private static string RootDescription(TaskKind kind) => kind switch
    {
        TaskKind.Forensics => "Files uploaded with the task, named as they were uploaded.",
        TaskKind.Osint => "Not used: OSINT results are located by the absolute URL of the page they were found on.",
        _ => "The root of the analysed repository.",
    };

    public static IReadOnlyList<SarifVersionControlDetails>? Provenance(TaskSnapshot task)
    {
        // scp-like addresses (git@host:owner/repo) are not URIs, and the schema requires an absolute one.
        if (task.Commit is null
            || task.Target?.GitUrl is not { } url
            || !Uri.TryCreate(url, UriKind.Absolute, out var repository))
        {
            return null;
        }

        return
        [
            new SarifVersionControlDetails
            {
                RepositoryUri = repository.AbsoluteUri,
                RevisionId = task.Commit,
                MappedTo = new SarifArtifactLocation { UriBaseId = SourceRoot },
            },
        ];
    }

    public static SarifInvocation Invocation(TaskSnapshot task) => new()
    {
        ExecutionSuccessful = task.Lifecycle == TaskLifecycle.Succeeded,
        StartTimeUtc = UtcTimestamp(task.StartedAt ?? task.CreatedAt),
        EndTimeUtc = task.CompletedAt is { } end ? UtcTimestamp(end) : null,
        ToolExecutionNotifications = Notifications(task),
    };

    public static SarifAutomationDetails AutomationDetails(TaskSnapshot task)
        => new($"amas/{ReportNames.Of(task.Kind)}/{task.TaskId:D}");

    public static IReadOnlyDictionary<string, object> Properties(TaskResult result)
    {
        var properties = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["taskId"] = result.Task.TaskId.ToString("D"),
            ["kind"] = ReportNames.Of(result.Task.Kind),
            ["lifecycle"] = ReportNames.Of(result.Task.Lifecycle),
            ["submitter"] = result.Task.Submitter,
        };

        if (result.Task.Target?.Ref is { } gitRef)
        {
            properties["ref"] = gitRef;
        }

        if (result.Metrics.Count > 0)
        {
            properties["metrics"] = result.Metrics.Where(m => double.IsFinite(m.Value)).OrderBy(m => m.Key, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
        }

        // Hashes, entities and the like are not results (nothing is wrong with them), but a SARIF consumer should not
        // have to ask the API a second time for them.
        if (result.Facts.Count > 0)
        {
            properties["facts"] = result.Facts;
        }

        return properties;
    }

    /// <summary>The task's error and each failed agent's, so a consumer sees why results may be missing.</summary>
    private static IReadOnlyList<SarifNotification>? Notifications(TaskSnapshot task)
    {
        var notifications = new List<SarifNotification>();
        if (task.Error is { } error)
        {
            notifications.Add(Notification(error, agent: null));
        }

        foreach (var agent in task.Layers.SelectMany(l => l.Agents).Where(a => a.Error is not null))
        {
            notifications.Add(Notification(agent.Error!, agent.Agent));
        }

        return notifications.Count > 0 ? notifications : null;
    }

    private static SarifNotification Notification(TaskError error, string? agent)
    {
        var properties = new Dictionary<string, object>(StringComparer.Ordinal) { ["code"] = error.Code };
        if (agent is not null)
        {
            properties["agent"] = agent;
        }

        if (error.Cause is not null)
        {
            properties["cause"] = error.Cause;
        }

        return new SarifNotification { Message = new SarifMessage(error.Message), Level = "error", Properties = properties };
    }

    /// <summary>SARIF asks for UTC with a <c>Z</c>, which the default <see cref="DateTimeOffset"/> format is not.</summary>
    private static string UtcTimestamp(DateTimeOffset time)
        => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
