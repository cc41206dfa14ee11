using Amas.Orleans.Findings;
using static Amas.Orleans.Analysis.Security.Code.CodeRule;

namespace Amas.Orleans.Analysis.Security.Code;

internal static class PythonCodeRules
{
    public static IEnumerable<CodeRule> Create()
    {
        yield return new CodeRule
        {
            Id = "code/python-eval",
            Description = "eval() or exec() on a value that is not a string literal",
            Cwe = "CWE-95",
            Severity = Severity.High,
            Extensions = CodeLanguages.Python,
            // A preceding '.' is a method (model.eval(), df.eval()), not the builtin.
            Pattern = CreatePattern("""(?:^|[^.\w])(?<at>(?:eval|exec)\([ \t]*[^"'\s)])"""),
            Keywords = ["eval(", "exec("],
            Fix = "Parse the input instead (ast.literal_eval for literals, json.loads for data); never evaluate it as code.",
        };
        yield return new CodeRule
        {
            Id = "code/python-shell-injection",
            Description = "a shell command built from variables (subprocess with shell=True, os.system on a non-literal)",
            Cwe = "CWE-78",
            Severity = Severity.High,
            Extensions = CodeLanguages.Python,
            Pattern = CreatePattern(
                """\bsubprocess\.(?:run|call|check_call|check_output|Popen)\([^\n]*\bshell[ \t]*=[ \t]*True\b"""
                + """|\bos\.(?:system|popen)\([ \t]*(?:f["']|[A-Za-z_][\w.]*[ \t]*[+%),]|["'][^"'\n]*["'][ \t]*(?:%|\+|\.format\())"""),
            Keywords = ["subprocess", "os.system", "os.popen"],
            Fix = "Pass an argument list without a shell (subprocess.run([\"cmd\", arg])), or quote with shlex.quote.",
        };
        yield return new CodeRule
        {
            Id = "code/python-pickle",
            Description = "pickle-style deserialisation, which runs code chosen by whoever wrote the data",
            Cwe = "CWE-502",
            Severity = Severity.High,
            Extensions = CodeLanguages.Python,
            Pattern = CreatePattern("""\b(?:pickle|cPickle|_pickle|dill|marshal)\.(?:loads?|Unpickler)\("""),
            Keywords = ["pickle", "dill", "marshal"],
            Fix = "Exchange data as JSON (or another format without code); unpickle only what this process wrote itself.",
        };
        yield return new CodeRule
        {
            Id = "code/python-yaml-load",
            Description = "yaml.load without SafeLoader, which can construct arbitrary Python objects",
            Cwe = "CWE-502",
            Severity = Severity.High,
            Extensions = CodeLanguages.Python,
            Pattern = CreatePattern("""\byaml\.(?:load|load_all|unsafe_load|unsafe_load_all)\("""),
            Keywords = ["yaml."],
            SafeLineMarkers = ["SafeLoader", "CSafeLoader", "BaseLoader"],
            Fix = "Use yaml.safe_load, or pass Loader=yaml.SafeLoader.",
        };
        yield return new CodeRule
        {
            Id = "code/python-weak-password-hash",
            Description = "MD5 or SHA-1 applied to a password",
            Cwe = "CWE-328",
            Severity = Severity.Medium,
            Extensions = CodeLanguages.Python,
            Pattern = CreatePattern(
                """\bhashlib\.(?:md5|sha1)\([^\n]*(?i:passw|pwd|passphrase)|(?i:passw|pwd|passphrase)[^\n]*\bhashlib\.(?:md5|sha1)\("""),
            Keywords = ["hashlib."],
            SafeLineMarkers = ["usedforsecurity=False"],
            Fix = "Hash passwords with a slow, salted function: argon2, bcrypt, scrypt or hashlib.pbkdf2_hmac.",
        };
        yield return new CodeRule
        {
            Id = "code/python-tls-verify-disabled",
            Description = "TLS certificate verification switched off",
            Cwe = "CWE-295",
            Severity = Severity.Medium,
            Extensions = CodeLanguages.Python,
            Pattern = CreatePattern(
                """\b(?:requests|session|httpx|client)\.(?:get|post|put|patch|delete|head|options|request|Client|AsyncClient)\([^\n]*\bverify[ \t]*=[ \t]*False\b"""
                + """|\.verify[ \t]*=[ \t]*False\b|\bssl\._create_unverified_context\("""),
            Keywords = ["verify", "_create_unverified_context"],
            Fix = "Keep verification on; trust a private CA by passing verify=\"/path/to/ca.pem\".",
        };
        yield return new CodeRule
        {
            Id = "code/python-sql-injection",
            Description = "SQL built with %, + or an f-string and passed to execute()",
            Cwe = "CWE-89",
            Severity = Severity.High,
            Extensions = CodeLanguages.Python,
            Pattern = CreatePattern(
                """\.(?:execute|executemany|executescript|raw)\([ \t]*(?:f["']|["'][^"'\n]*["'][ \t]*(?:%[ \t]*[^,)\s]|\+|\.format\())"""),
            Keywords = ["execute", ".raw("],
            Fix = "Pass values as parameters: cursor.execute(\"... WHERE id = %s\", (value,)).",
        };
    }
}
