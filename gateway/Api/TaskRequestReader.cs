using System.Text.Json;
using Amas.Orleans.Repositories;
using Amas.Orleans.Tasks;

namespace Amas.Orleans.Gateway.Api;

/// <summary>
/// Reads a submission body into a <see cref="TaskSpec"/>. Shapes are checked here (types, unknown fields, the kind);
/// option values are checked by the orchestrator against the catalogue. Unknown fields are rejected, not ignored,
/// so a misspelt option never silently falls back to its default.
/// </summary>
public static class TaskRequestReader
{
    private static readonly string[] TopLevelFields = ["kind", "target", "options"];
    private static readonly string[] TargetFields = ["path", "git_url", "ref"];
    private static readonly string[] OptionFields =
        ["mode", "components", "priority", "auto_apply", "areas", "depth", "deadline_seconds", "urls", "keywords", "file_path", "issue", "language", "auto_fix"];
    private static readonly string[] IssueFields = ["title", "body", "labels"];

    public static TaskSpec Read(JsonElement body, string submitter, string? idempotencyKey)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw Rejected(new() { [""] = ["The body must be a JSON object: {\"kind\": …, \"target\": …, \"options\": …}."] });
        }

        RejectUnknown(body, TopLevelFields, "", errors);
        var kind = ReadKind(body, errors);
        var target = body.TryGetProperty("target", out var t) && t.ValueKind != JsonValueKind.Null ? ReadTarget(t, errors) : null;
        var options = body.TryGetProperty("options", out var o) && o.ValueKind != JsonValueKind.Null ? ReadOptions(o, errors, "options.") : new TaskOptions();

        if (errors.Count > 0 || kind is null)
        {
            throw Rejected(errors);
        }

        return new TaskSpec { Kind = kind.Value, Target = target, Options = options, Submitter = submitter, IdempotencyKey = idempotencyKey };
    }

    /// <summary>Reads option fields from <paramref name="element"/>; <paramref name="prefix"/> names them in errors.</summary>
    public static TaskOptions ReadOptions(JsonElement element, Dictionary<string, string[]> errors, string prefix, IReadOnlyCollection<string>? alsoAllowed = null)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors[prefix.TrimEnd('.')] = ["options must be a JSON object."];
            return new TaskOptions();
        }

        RejectUnknown(element, alsoAllowed is null ? OptionFields : [.. OptionFields, .. alsoAllowed], prefix, errors);
        var options = new TaskOptions();
        if (ReadString(element, "mode", prefix, errors) is { } mode)
        {
            options = options with { Mode = mode };
        }

        if (ReadList(element, "components", prefix, errors) is { } components)
        {
            options = options with { Components = components };
        }

        if (ReadString(element, "priority", prefix, errors) is { } priority)
        {
            var index = TaskOptionCatalog.Priorities.ToList().IndexOf(priority);
            if (index < 0)
            {
                errors[prefix + "priority"] = [$"'{priority}' is not a valid priority. Valid values: {string.Join(", ", TaskOptionCatalog.Priorities)}."];
            }
            else
            {
                options = options with { Priority = (TaskPriority)index };
            }
        }

        if (ReadBool(element, "auto_apply", prefix, errors) is { } autoApply)
        {
            options = options with { AutoApply = autoApply };
        }

        if (ReadBool(element, "auto_fix", prefix, errors) is { } autoFix)
        {
            options = options with { AutoFix = autoFix };
        }

        if (ReadString(element, "language", prefix, errors) is { } language)
        {
            options = options with { Language = language };
        }

        if (element.TryGetProperty("issue", out var issue) && issue.ValueKind != JsonValueKind.Null)
        {
            options = options with { Issue = ReadIssue(issue, prefix + "issue", errors) };
        }

        if (ReadList(element, "areas", prefix, errors) is { } areas)
        {
            options = options with { Areas = areas };
        }

        if (ReadDepth(element, prefix, errors) is { } depth)
        {
            options = options with { Depth = depth };
        }

        // One URL per item: a URL may hold commas, so a single string is one URL, not a comma-separated list.
        if (element.TryGetProperty("urls", out var urls) && urls.ValueKind == JsonValueKind.String)
        {
            options = options with { Urls = [urls.GetString()!] };
        }
        else if (ReadList(element, "urls", prefix, errors) is { } urlList)
        {
            options = options with { Urls = urlList };
        }

        if (ReadList(element, "keywords", prefix, errors) is { } keywords)
        {
            options = options with { Keywords = keywords };
        }

        if (ReadString(element, "file_path", prefix, errors) is { } filePath)
        {
            options = options with { FilePath = filePath };
        }

        if (element.TryGetProperty("deadline_seconds", out var deadline))
        {
            if (deadline.ValueKind == JsonValueKind.Number && deadline.TryGetInt32(out var seconds))
            {
                options = options with { DeadlineSeconds = seconds };
            }
            else
            {
                errors[prefix + "deadline_seconds"] = ["deadline_seconds must be a whole number of seconds."];
            }
        }

        return options;
    }

    /// <summary>An issue as <c>{title, body, labels}</c>; lengths are checked by the orchestrator with the other options.</summary>
    private static IssueInput? ReadIssue(JsonElement element, string field, Dictionary<string, string[]> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors[field] = ["issue must be a JSON object: {\"title\": …, \"body\": …, \"labels\": […]}."];
            return null;
        }

        var prefix = field + ".";
        RejectUnknown(element, IssueFields, prefix, errors);
        return new IssueInput
        {
            Title = ReadString(element, "title", prefix, errors) ?? "",
            Body = ReadString(element, "body", prefix, errors) ?? "",
            Labels = ReadList(element, "labels", prefix, errors) ?? [],
        };
    }

    private static bool? ReadBool(JsonElement element, string field, string prefix, Dictionary<string, string[]> errors)
    {
        if (!element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        errors[prefix + field] = [$"{field} must be true or false."];
        return null;
    }

    public static RepositoryTarget? ReadTarget(JsonElement element, Dictionary<string, string[]> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors["target"] = ["target must be a JSON object: {\"path\": …} or {\"git_url\": …, \"ref\": …}."];
            return null;
        }

        RejectUnknown(element, TargetFields, "target.", errors);
        return new RepositoryTarget
        {
            Path = ReadString(element, "path", "target.", errors),
            GitUrl = ReadString(element, "git_url", "target.", errors),
            Ref = ReadString(element, "ref", "target.", errors),
        };
    }

    public static TaskRejectedException Rejected(Dictionary<string, string[]> errors)
        => new("The request is invalid.", errors);

    private static TaskKind? ReadKind(JsonElement body, Dictionary<string, string[]> errors)
    {
        var valid = string.Join(", ", TaskOptionCatalog.KindNames.Values);
        if (!body.TryGetProperty("kind", out var kind) || kind.ValueKind != JsonValueKind.String)
        {
            errors["kind"] = [$"kind is required. Valid kinds: {valid}."];
            return null;
        }

        var name = kind.GetString();
        foreach (var (value, known) in TaskOptionCatalog.KindNames)
        {
            if (known == name)
            {
                return value;
            }
        }

        errors["kind"] = [$"'{name}' is not a valid kind. Valid kinds: {valid}."];
        return null;
    }

    private static string? ReadString(JsonElement element, string field, string prefix, Dictionary<string, string[]> errors)
    {
        if (!element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors[prefix + field] = [$"{field} must be a string."];
            return null;
        }

        return value.GetString();
    }

    /// <summary>A named depth (self_improve, issue_respond) or a number of link levels (osint); the orchestrator checks which.</summary>
    private static string? ReadDepth(JsonElement element, string prefix, Dictionary<string, string[]> errors)
    {
        if (element.TryGetProperty("depth", out var value) && value.ValueKind == JsonValueKind.Number)
        {
            if (value.TryGetInt32(out var levels))
            {
                return levels.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            errors[prefix + "depth"] = ["depth must be a whole number of link levels or a named depth."];
            return null;
        }

        return ReadString(element, "depth", prefix, errors);
    }

    /// <summary>A list given as a JSON array of strings or, as AMAS clients send it, one comma-separated string.</summary>
    private static IReadOnlyList<string>? ReadList(JsonElement element, string field, string prefix, Dictionary<string, string[]> errors)
    {
        if (!element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString()!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        }

        if (value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String))
        {
            return value.EnumerateArray().Select(v => v.GetString()!).ToArray();
        }

        errors[prefix + field] = [$"{field} must be a string or an array of strings."];
        return null;
    }

    private static void RejectUnknown(JsonElement element, IReadOnlyCollection<string> known, string prefix, Dictionary<string, string[]> errors)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                errors[prefix + property.Name] = [$"Unknown field. Known fields here: {string.Join(", ", known)}."];
            }
        }
    }
}
