using Amas.Orleans.Findings;
using static Amas.Orleans.Analysis.Security.Code.CodeRule;

namespace Amas.Orleans.Analysis.Security.Code;

internal static class GoCodeRules
{
    private const string Sql = """(?i:select|insert|update|delete|where|from)\b""";

    public static IEnumerable<CodeRule> Create()
    {
        yield return new CodeRule
        {
            Id = "code/go-shell-injection",
            Description = "exec.Command(\"sh\", \"-c\", ...) with a command built by concatenation or Sprintf",
            Cwe = "CWE-78",
            Severity = Severity.High,
            Extensions = CodeLanguages.Go,
            Pattern = CreatePattern(
                """\bexec\.Command(?:Context)?\([ \t]*(?:[A-Za-z_]\w*[ \t]*,[ \t]*)?"(?:/bin/)?(?:ba)?sh"[ \t]*,[ \t]*"-c"[ \t]*,[ \t]*(?:"[^"\n]*"[ \t]*\+|[A-Za-z_]\w*[ \t]*\+|fmt\.Sprintf\()"""),
            Keywords = ["exec.Command"],
            Fix = "Run the program directly: exec.Command(\"prog\", arg1, arg2), with no shell in between.",
        };
        yield return new CodeRule
        {
            Id = "code/go-tls-insecure-skip-verify",
            Description = "TLS certificate verification switched off (InsecureSkipVerify: true)",
            Cwe = "CWE-295",
            Severity = Severity.Medium,
            Extensions = CodeLanguages.Go,
            Pattern = CreatePattern("""\bInsecureSkipVerify[ \t]*:[ \t]*true\b"""),
            Keywords = ["InsecureSkipVerify"],
            Fix = "Leave verification on; add a private CA to tls.Config.RootCAs.",
        };
        yield return new CodeRule
        {
            Id = "code/go-sql-injection",
            Description = "SQL built with fmt.Sprintf or + and passed to Query or Exec",
            Cwe = "CWE-89",
            Severity = Severity.High,
            Extensions = CodeLanguages.Go,
            Pattern = CreatePattern(
                """\.(?:Query|QueryRow|Exec|QueryContext|QueryRowContext|ExecContext|Get|Select)\([ \t]*(?:[A-Za-z_]\w*[ \t]*,[ \t]*)?(?:fmt\.Sprintf\([ \t]*"[^"\n]*"""
                + Sql + """|"[^"\n]*""" + Sql + """[^"\n]*"[ \t]*\+)"""),
            Keywords = ["Query", "Exec", "Get(", "Select("],
            Fix = "Use placeholders ($1 or ?) and pass the values as arguments to Query or Exec.",
        };
    }
}
