namespace Amas.Orleans.Analysis.Security.Code;

/// <summary>The built-in dangerous-code rules, one language per file.</summary>
public static class DangerousCodeRules
{
    public static IReadOnlyList<CodeRule> Default { get; } =
    [
        .. PythonCodeRules.Create(),
        .. JavaScriptCodeRules.Create(),
        .. CSharpCodeRules.Create(),
        .. JavaCodeRules.Create(),
        .. GoCodeRules.Create(),
    ];
}
