using Amas.Orleans.Tasks;

namespace Amas.Orleans.Orchestration;

/// <summary>What an <c>issue_respond</c> task must carry: an issue with some text, within bounds, and a known answer language.</summary>
public static class IssueInputRules
{
    public static void Check(Dictionary<string, string[]> errors, TaskOptions options)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(options);
        if (!TaskOptionCatalog.Languages.Contains(options.Language, StringComparer.Ordinal))
        {
            errors["options.language"] = [$"'{options.Language}' is not a valid language. Valid values: {string.Join(", ", TaskOptionCatalog.Languages)}."];
        }

        if (options.Issue is not { } issue)
        {
            errors["options.issue"] = ["An issue_respond task needs the issue: {\"title\": …, \"body\": …, \"labels\": […]}."];
            return;
        }

        if (string.IsNullOrWhiteSpace(issue.Title) && string.IsNullOrWhiteSpace(issue.Body))
        {
            errors["options.issue"] = ["The issue needs a title or a body."];
        }

        if (issue.Title.Length > TaskOptionCatalog.MaxIssueTitleLength)
        {
            errors["options.issue.title"] = [$"The title is {issue.Title.Length} characters; at most {TaskOptionCatalog.MaxIssueTitleLength} are accepted."];
        }

        if (issue.Body.Length > TaskOptionCatalog.MaxIssueBodyLength)
        {
            errors["options.issue.body"] = [$"The body is {issue.Body.Length} characters; at most {TaskOptionCatalog.MaxIssueBodyLength} are accepted."];
        }

        if (issue.Labels.Count > TaskOptionCatalog.MaxIssueLabels)
        {
            errors["options.issue.labels"] = [$"{issue.Labels.Count} labels; at most {TaskOptionCatalog.MaxIssueLabels} are accepted."];
        }
        else if (issue.Labels.FirstOrDefault(l => string.IsNullOrWhiteSpace(l) || l.Length > TaskOptionCatalog.MaxIssueLabelLength) is { } bad)
        {
            errors["options.issue.labels"] = [$"Every label is 1 to {TaskOptionCatalog.MaxIssueLabelLength} characters; '{Shorten(bad)}' is not."];
        }
    }

    private static string Shorten(string label) => label.Length <= 40 ? label : label[..40] + "…";
}
