using Amas.Orleans.Tasks;

namespace Amas.Orleans.Orchestration;

/// <summary>
/// Checks a spec's options against <see cref="TaskOptionCatalog"/> and, for the kinds that point outside the
/// cluster, against the <see cref="TaskSpecPolicy"/>. Every bad field is reported at once, each with the full list of
/// valid values, so a caller can fix a request in one round trip.
/// </summary>
public static class TaskSpecValidator
{
    public const int MaxDeadlineSeconds = 7 * 24 * 3600;

    /// <summary>Options only, against the catalogue and the strictest policy (public URLs, no local files).</summary>
    public static void Validate(TaskSpec spec) => Validate(spec, TaskSpecPolicy.Strict);

    public static void Validate(TaskSpec spec, TaskSpecPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(policy);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var options = spec.Options;

        if (!TaskOptionCatalog.KindNames.ContainsKey(spec.Kind))
        {
            errors["kind"] = [$"Unknown kind. Valid kinds: {string.Join(", ", TaskOptionCatalog.KindNames.Values)}."];
        }
        else
        {
            var modes = TaskOptionCatalog.Modes[spec.Kind];
            if (!modes.Contains(options.Mode, StringComparer.Ordinal))
            {
                errors["options.mode"] = [Invalid("mode", options.Mode, modes)];
            }

            if (TaskOptionCatalog.Depths.TryGetValue(spec.Kind, out var depths) && options.Depth is not null
                && !depths.Contains(options.Depth, StringComparer.Ordinal))
            {
                errors["options.depth"] = [Invalid("depth", options.Depth, depths)];
            }
        }

        CheckList(errors, "options.components", "components", options.Components, TaskOptionCatalog.Components);
        CheckList(errors, "options.areas", "areas", options.Areas, TaskOptionCatalog.Areas);

        if (!Enum.IsDefined(options.Priority))
        {
            errors["options.priority"] = [Invalid("priority", options.Priority.ToString(), TaskOptionCatalog.Priorities)];
        }

        if (options.DeadlineSeconds is < 1 or > MaxDeadlineSeconds)
        {
            errors["options.deadline_seconds"] = [$"deadline_seconds must be between 1 and {MaxDeadlineSeconds}."];
        }

        if (string.IsNullOrWhiteSpace(spec.Submitter))
        {
            errors["submitter"] = ["A task needs a submitter."];
        }

        CheckKindOnlyOptions(errors, spec);
        switch (spec.Kind)
        {
            case TaskKind.Osint:
                IntelInputRules.CheckOsint(errors, options, policy);
                break;
            case TaskKind.Forensics:
                IntelInputRules.CheckForensics(errors, options, policy);
                break;
            case TaskKind.IssueRespond:
                IssueInputRules.Check(errors, options);
                if (options.AutoFix && spec.Target is null)
                {
                    errors["options.auto_fix"] = ["auto_fix fixes the repository the issue is about: give it as the target."];
                }

                break;
            default:
                break;
        }

        if (spec.Kind is TaskKind.Osint or TaskKind.Forensics && spec.Target is not null)
        {
            errors["target"] = [$"A {TaskOptionCatalog.KindNames[spec.Kind]} task takes no repository target; its input is in the options."];
        }

        if (errors.Count > 0)
        {
            throw new TaskRejectedException("The task has invalid options.", errors);
        }
    }

    /// <summary>urls, keywords, a file and the issue options mean something to one kind only; elsewhere they would be silently ignored.</summary>
    private static void CheckKindOnlyOptions(Dictionary<string, string[]> errors, TaskSpec spec)
    {
        var given = new Dictionary<string, bool>(StringComparer.Ordinal)
        {
            ["urls"] = spec.Options.Urls.Count > 0,
            ["keywords"] = spec.Options.Keywords.Count > 0,
            ["file_path"] = spec.Options.FilePath is not null,
            ["file"] = spec.Options.Upload is not null,
            ["issue"] = spec.Options.Issue is not null,
            ["language"] = spec.Options.Language != TaskOptionCatalog.AutoLanguage,
            ["auto_fix"] = spec.Options.AutoFix,
        };
        foreach (var (option, isGiven) in given)
        {
            var kind = TaskOptionCatalog.KindOnlyOptions[option];
            if (isGiven && spec.Kind != kind)
            {
                var key = option == "file" ? "file" : "options." + option;
                errors[key] = [$"{option} applies to {TaskOptionCatalog.KindNames[kind]} tasks only."];
            }
        }
    }

    private static void CheckList(Dictionary<string, string[]> errors, string key, string name, IReadOnlyList<string> values, IReadOnlyList<string> valid)
    {
        if (values.Count == 0)
        {
            errors[key] = [$"{name} must name at least one value. Valid {name}: {string.Join(", ", valid)}."];
            return;
        }

        var bad = values.Where(v => !valid.Contains(v, StringComparer.Ordinal)).ToArray();
        if (bad.Length > 0)
        {
            errors[key] = bad.Select(v => Invalid(name, v, valid)).ToArray();
        }
    }

    private static string Invalid(string name, string value, IReadOnlyList<string> valid)
        => $"'{value}' is not a valid {name}. Valid values: {string.Join(", ", valid)}.";
}
