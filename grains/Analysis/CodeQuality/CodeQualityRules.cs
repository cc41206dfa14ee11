using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.CodeQuality;

/// <summary>
/// Turns a file's metrics into findings. A function exactly at a threshold passes; one above it is reported:
/// complexity above the maximum is Medium and above twice the maximum High; length above the maximum is Low up to
/// one and a half times the maximum and Medium beyond; nesting above the maximum is Medium; a maintainability index
/// below the minimum is Low, and Medium in Visual Studio's red band (below 10); each TODO-style marker in a comment is
/// Info. A file is rated as a whole too when it has more than one function (with one, the file's index is that
/// function's, already reported). Ids anchor on the function's name or the comment's text, never the line, so they
/// survive edits above.
/// </summary>
public sealed class CodeQualityRules(CodeQualityOptions options)
{
    public const string AgentName = "CodeQualityInspector";
    public const string Category = "code_quality";

    public IReadOnlyList<Finding> Evaluate(FileMetrics metrics)
    {
        var findings = new List<Finding>();
        var seenNames = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var function in metrics.Functions)
        {
            var occurrence = seenNames[function.Name] = seenNames.GetValueOrDefault(function.Name, -1) + 1;
            findings.AddRange(Check(metrics.Path, function, occurrence));
        }

        if (metrics.Functions.Count > 1 && metrics.MaintainabilityIndex is { } fileIndex && fileIndex < options.MinMaintainabilityIndex)
        {
            findings.Add(FileMaintainability(metrics, fileIndex));
        }

        if (options.ReportTodos)
        {
            var seenTexts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var marker in metrics.Markers)
            {
                var occurrence = seenTexts[marker.Text] = seenTexts.GetValueOrDefault(marker.Text, -1) + 1;
                findings.Add(Todo(metrics.Path, marker, occurrence));
            }
        }

        return findings;
    }

    private IEnumerable<Finding> Check(string path, FunctionMetrics function, int occurrence)
    {
        var maxComplexity = options.MaxCyclomaticComplexity;
        if (function.CyclomaticComplexity > maxComplexity)
        {
            yield return ForFunction(
                CodeQualityRuleIds.CyclomaticComplexity,
                function.CyclomaticComplexity > 2 * maxComplexity ? Severity.High : Severity.Medium,
                path, function, occurrence,
                $"Function '{function.Name}' has cyclomatic complexity {function.CyclomaticComplexity} (maximum {maxComplexity}).",
                $"complexity {function.CyclomaticComplexity}",
                "Split the function or replace branching with lookups or polymorphism.");
        }

        var maxLines = options.MaxFunctionLines;
        if (function.Lines > maxLines)
        {
            yield return ForFunction(
                CodeQualityRuleIds.LongFunction,
                2 * function.Lines <= 3 * maxLines ? Severity.Low : Severity.Medium,
                path, function, occurrence,
                $"Function '{function.Name}' is {function.Lines} lines long (maximum {maxLines}).",
                $"{function.Lines} lines",
                "Extract cohesive steps into well-named functions.");
        }

        var maxDepth = options.MaxNestingDepth;
        if (function.NestingDepth > maxDepth)
        {
            yield return ForFunction(
                CodeQualityRuleIds.DeepNesting,
                Severity.Medium,
                path, function, occurrence,
                $"Function '{function.Name}' nests control blocks {function.NestingDepth} deep (maximum {maxDepth}).",
                $"nesting depth {function.NestingDepth}",
                "Return early, invert conditions or extract the inner blocks.");
        }

        var index = function.MaintainabilityIndex;
        if (index < options.MinMaintainabilityIndex)
        {
            yield return ForFunction(
                CodeQualityRuleIds.MaintainabilityIndex,
                MaintainabilitySeverity(index),
                path, function, occurrence,
                $"Function '{function.Name}' has maintainability index {index} (minimum {options.MinMaintainabilityIndex}): "
                + $"Halstead volume {function.HalsteadVolume:0}, complexity {function.CyclomaticComplexity}, "
                + $"{function.CodeLines} code lines.",
                $"maintainability index {index}",
                "Split the function into smaller ones with fewer branches; each part is then easier to read and test.");
        }
    }

    private static Severity MaintainabilitySeverity(int index) =>
        index < Maintainability.RedBelow ? Severity.Medium : Severity.Low;

    private Finding FileMaintainability(FileMetrics metrics, int index) => new()
    {
        Id = FindingFingerprint.Create(CodeQualityRuleIds.MaintainabilityIndex, metrics.Path, "(file)"),
        Agent = AgentName,
        Rule = CodeQualityRuleIds.MaintainabilityIndex,
        Severity = MaintainabilitySeverity(index),
        Category = Category,
        File = metrics.Path,
        Message = $"The file's {metrics.Functions.Count} functions have maintainability index {index} taken together "
            + $"(minimum {options.MinMaintainabilityIndex}).",
        Evidence = $"maintainability index {index}",
        Fix = "Split the largest and most branching functions, or the file, into smaller units.",
        Sources = [AgentName],
    };

    private static Finding ForFunction(
        string rule, Severity severity, string path, FunctionMetrics function, int occurrence,
        string message, string evidence, string fix) => new()
    {
        Id = FindingFingerprint.Create(rule, path, function.Name, occurrence),
        Agent = AgentName,
        Rule = rule,
        Severity = severity,
        Category = Category,
        File = path,
        Line = function.StartLine,
        EndLine = function.EndLine,
        Message = message,
        Evidence = evidence,
        Fix = fix,
        Sources = [AgentName],
    };

    private static Finding Todo(string path, CommentMarker marker, int occurrence) => new()
    {
        Id = FindingFingerprint.Create(CodeQualityRuleIds.TodoComment, path, marker.Text, occurrence),
        Agent = AgentName,
        Rule = CodeQualityRuleIds.TodoComment,
        Severity = Severity.Info,
        Category = Category,
        File = path,
        Line = marker.Line,
        Message = $"{marker.Marker} comment left in the code.",
        Evidence = marker.Text,
        Fix = "Do the work, or track it in the issue tracker and remove the comment.",
        Sources = [AgentName],
    };
}
