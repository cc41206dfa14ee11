using Amas.Orleans.Findings;
using static Amas.Orleans.Analysis.Security.Code.CodeRule;

namespace Amas.Orleans.Analysis.Security.Code;

internal static class JavaScriptCodeRules
{
    // A template literal with a substitution is built at run time; one without is as fixed as a quoted string.
    private const string DynamicTemplate = """`[^`\n]*\$\{""";

    public static IEnumerable<CodeRule> Create()
    {
        yield return new CodeRule
        {
            Id = "code/js-eval",
            Description = "eval() on a value that is not a string literal",
            Cwe = "CWE-95",
            Severity = Severity.High,
            Extensions = CodeLanguages.JavaScript,
            Pattern = CreatePattern("""(?:^|[^.\w$])(?<at>eval\([ \t]*(?:[^"'`\s)]|""" + DynamicTemplate + "))"),
            Keywords = ["eval("],
            Fix = "Parse data with JSON.parse; look functions up in a map instead of evaluating their names.",
        };
        yield return new CodeRule
        {
            Id = "code/js-new-function",
            Description = "new Function() whose body is built at run time",
            Cwe = "CWE-95",
            Severity = Severity.High,
            Extensions = CodeLanguages.JavaScript,
            Pattern = CreatePattern(
                """\bnew[ \t]+Function\((?:[ \t]*["'][^"'\n]*["'][ \t]*,)*[ \t]*(?:[^"'`\s)]|""" + DynamicTemplate
                + """|["'][^"'\n]*["'][ \t]*\+)"""),
            Keywords = ["Function("],
            Fix = "Write the function in source; pass data to it as arguments.",
        };
        yield return new CodeRule
        {
            Id = "code/js-shell-injection",
            Description = "child_process exec with a command built by concatenation or a template",
            Cwe = "CWE-78",
            Severity = Severity.High,
            Extensions = CodeLanguages.JavaScript,
            Pattern = CreatePattern(
                """\b(?:exec|execSync)\([ \t]*(?:""" + DynamicTemplate
                + """|["'][^"'\n]*["'][ \t]*\+|[A-Za-z_$][\w$.]*[ \t]*\+)"""),
            Keywords = ["child_process"],
            Fix = "Use execFile or spawn with an argument array and no shell.",
        };
        yield return new CodeRule
        {
            Id = "code/js-tls-reject-unauthorized",
            Description = "TLS certificate verification switched off (rejectUnauthorized: false)",
            Cwe = "CWE-295",
            Severity = Severity.Medium,
            Extensions = CodeLanguages.JavaScript,
            // Only as an object key: "options.rejectUnauthorized : false" is the tail of a ternary, not a setting.
            Pattern = CreatePattern("""(?:^|[{,\s])(?<at>["']?rejectUnauthorized["']?[ \t]*:[ \t]*false\b)"""),
            Keywords = ["rejectUnauthorized"],
            Fix = "Keep verification on; trust a private CA through the ca option or NODE_EXTRA_CA_CERTS.",
        };
        yield return new CodeRule
        {
            Id = "code/node-tls-reject-unauthorized-env",
            Description = "NODE_TLS_REJECT_UNAUTHORIZED=0, which turns off certificate checks for the whole process",
            Cwe = "CWE-295",
            Severity = Severity.Medium,
            Extensions = CodeLanguages.Any,
            Pattern = CreatePattern("""NODE_TLS_REJECT_UNAUTHORIZED["'\]]?[ \t]*(?:=|:)[ \t]*["']?0\b"""),
            Keywords = ["NODE_TLS_REJECT_UNAUTHORIZED"],
            Fix = "Remove the setting; trust a private CA with NODE_EXTRA_CA_CERTS.",
        };
        yield return new CodeRule
        {
            Id = "code/js-innerhtml-assignment",
            Description = "innerHTML or outerHTML assigned from a variable or a template",
            Cwe = "CWE-79",
            Severity = Severity.High,
            Extensions = CodeLanguages.JavaScript,
            Pattern = CreatePattern("""\.(?:innerHTML|outerHTML)[ \t]*\+?=[ \t]*(?:[^"'`\s;=]|""" + DynamicTemplate + ")"),
            Keywords = ["innerHTML", "outerHTML"],
            SafeLineMarkers = ["DOMPurify.sanitize", "sanitizeHtml(", "escapeHtml("],
            Fix = "Assign textContent, build nodes with createElement, or sanitise with DOMPurify first.",
        };
    }
}
