namespace Amas.Orleans.Analysis.CodeQuality;

/// <summary>The rules of the CodeQualityInspector, as findings name them.</summary>
public static class CodeQualityRuleIds
{
    public const string CyclomaticComplexity = "code-quality/cyclomatic-complexity";
    public const string LongFunction = "code-quality/long-function";
    public const string DeepNesting = "code-quality/deep-nesting";
    public const string TodoComment = "code-quality/todo-comment";
    public const string MaintainabilityIndex = "code-quality/maintainability-index";
    public const string DuplicateCode = "code-quality/duplicate-code";
}
