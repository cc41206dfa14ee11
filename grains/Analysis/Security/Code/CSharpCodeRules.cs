using Amas.Orleans.Findings;
using static Amas.Orleans.Analysis.Security.Code.CodeRule;

namespace Amas.Orleans.Analysis.Security.Code;

internal static class CSharpCodeRules
{
    // A string assembled at run time: interpolated with a hole, concatenated, or formatted.
    private const string BuiltString = """(?:(?:\$@?|@\$)"(?:[^"\\\n]|\\.)*\{|@?"[^"\n]*"[ \t]*\+|string\.(?:Format|Concat)\()""";

    // The same, but the literal part must read like SQL, so that string-building near unrelated calls stays quiet.
    private const string SqlKeyword = """(?i:select|insert|update|delete|merge|exec|where|drop|create)\b""";

    private const string BuiltSql =
        """(?:(?:\$@?|@\$)"[^"\n]*""" + SqlKeyword + """[^"\n]*\{|@?"[^"\n]*""" + SqlKeyword + """[^"\n]*"[ \t]*\+|string\.(?:Format|Concat)\([ \t]*@?"[^"\n]*""" + SqlKeyword + ")";

    private const string WeakHash = """\b(?:MD5|SHA1)(?:\.(?:Create|HashData)\(|CryptoServiceProvider\b|Managed\b)""";

    public static IEnumerable<CodeRule> Create()
    {
        yield return new CodeRule
        {
            Id = "code/csharp-shell-injection",
            Description = "a shell (cmd /c, sh -c, PowerShell) started with a command built at run time",
            Cwe = "CWE-78",
            Severity = Severity.High,
            Extensions = CodeLanguages.CSharp,
            Pattern = CreatePattern(
                """(?:Process\.Start|new[ \t]+ProcessStartInfo)\([ \t]*"(?:cmd(?:\.exe)?|(?:/usr)?(?:/bin/)?(?:ba|z)?sh|powershell(?:\.exe)?|pwsh)"[ \t]*,[ \t]*"""
                + BuiltString
                + """|\bArguments[ \t]*=[ \t]*(?:(?:\$@?|@\$)"(?:/c|-c|-Command)[ \t][^"\n]*\{|@?"(?:/c|-c|-Command)[ \t][^"\n]*"[ \t]*\+)"""),
            Keywords = ["Process", "Arguments"],
            Fix = "Start the program itself with ProcessStartInfo.ArgumentList, one argument per entry, without a shell.",
        };
        yield return new CodeRule
        {
            Id = "code/csharp-sql-injection",
            Description = "SQL built by concatenation, interpolation or string.Format and executed",
            Cwe = "CWE-89",
            Severity = Severity.High,
            Extensions = CodeLanguages.CSharp,
            Pattern = CreatePattern(
                """(?:new[ \t]+(?:Sql|Npgsql|MySql|Sqlite|SQLite|OleDb|Odbc|Oracle)Command\(|\.CommandText[ \t]*=|\.(?:ExecuteSqlRaw|FromSqlRaw|SqlQueryRaw)(?:Async)?\(|\.(?:Query|QueryFirst|QueryFirstOrDefault|QuerySingle|Execute|ExecuteScalar)(?:Async)?(?:<[^>\n]*>)?\()[ \t]*"""
                + BuiltSql),
            Keywords = ["Command", "Sql", "Query", "Execute"],
            Fix = "Use parameters (@id with SqlParameter), or FromSql/ExecuteSql with an interpolated FormattableString.",
        };
        yield return new CodeRule
        {
            Id = "code/csharp-tls-validation-disabled",
            Description = "a certificate validation callback that accepts every certificate",
            Cwe = "CWE-295",
            Severity = Severity.Medium,
            Extensions = CodeLanguages.CSharp,
            Pattern = CreatePattern(
                """(?:ServerCertificateCustomValidationCallback|ServerCertificateValidationCallback|RemoteCertificateValidationCallback)[ \t]*\+?=[ \t]*(?:new[ \t]+\w+\()?(?:\([^)\n]*\)|[A-Za-z_]\w*|delegate[ \t]*(?:\([^)\n]*\))?)[ \t]*(?:=>[ \t]*(?:\{[ \t]*return[ \t]+)?true\b|\{[ \t]*return[ \t]+true\b)"""
                + """|\bDangerousAcceptAnyServerCertificateValidator\b"""),
            Keywords = ["CertificateValidationCallback", "CertificateCustomValidationCallback", "DangerousAcceptAny"],
            Fix = "Remove the callback, or check the chain against a pinned certificate or private CA and return false otherwise.",
        };
        yield return new CodeRule
        {
            Id = "code/csharp-insecure-deserialization",
            Description = "a serializer that instantiates types named in the data (BinaryFormatter, TypeNameHandling)",
            Cwe = "CWE-502",
            Severity = Severity.High,
            Extensions = CodeLanguages.CSharp,
            Pattern = CreatePattern(
                """\bnew[ \t]+(?:BinaryFormatter|NetDataContractSerializer|SoapFormatter|LosFormatter|ObjectStateFormatter)\b"""
                + """|\bTypeNameHandling[ \t]*=[ \t]*TypeNameHandling\.(?:All|Objects|Auto|Arrays)\b"""),
            Keywords = ["Formatter", "NetDataContractSerializer", "TypeNameHandling"],
            Fix = "Use System.Text.Json or DataContractSerializer with known types; leave TypeNameHandling at None.",
        };
        yield return new CodeRule
        {
            Id = "code/csharp-weak-password-hash",
            Description = "MD5 or SHA-1 applied to a password",
            Cwe = "CWE-328",
            Severity = Severity.Medium,
            Extensions = CodeLanguages.CSharp,
            Pattern = CreatePattern(WeakHash + """[^\n]*(?i:passw|pwd)|(?i:passw|pwd)[^\n]*""" + WeakHash),
            Keywords = ["MD5", "SHA1"],
            Fix = "Hash passwords with Rfc2898DeriveBytes.Pbkdf2 (or ASP.NET Core's PasswordHasher), with a salt.",
        };
    }
}
