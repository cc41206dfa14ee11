using Amas.Orleans.Findings;
using static Amas.Orleans.Analysis.Security.Code.CodeRule;

namespace Amas.Orleans.Analysis.Security.Code;

internal static class JavaCodeRules
{
    private const string Concatenated = """(?:"[^"\n]*"[ \t]*\+|[A-Za-z_]\w*[ \t]*\+|String\.format\()""";

    private const string SqlConcatenated =
        """(?:"[^"\n]*(?i:select|insert|update|delete|merge|call|where|from)\b[^"\n]*"[ \t]*\+|String\.format\([ \t]*"[^"\n]*(?i:select|insert|update|delete|where|from)\b)""";

    // Java and Kotlin split signatures over lines freely; these gaps may hold line breaks.
    private const string Gap = """[ \t\r\n]*""";

    public static IEnumerable<CodeRule> Create()
    {
        yield return new CodeRule
        {
            Id = "code/java-shell-injection",
            Description = "Runtime.exec or a shell ProcessBuilder with a command built by concatenation",
            Cwe = "CWE-78",
            Severity = Severity.High,
            Extensions = CodeLanguages.Java,
            Pattern = CreatePattern(
                """Runtime\.getRuntime\(\)\.exec\([ \t]*""" + Concatenated
                + """|\bProcessBuilder\([ \t]*"(?:/bin/)?(?:ba)?sh"[ \t]*,[ \t]*"-c"[ \t]*,[ \t]*""" + Concatenated),
            Keywords = ["exec(", "ProcessBuilder"],
            Fix = "Pass the program and its arguments as separate array elements, without a shell.",
        };
        yield return new CodeRule
        {
            Id = "code/java-sql-injection",
            Description = "SQL built by concatenation and executed or prepared",
            Cwe = "CWE-89",
            Severity = Severity.High,
            Extensions = CodeLanguages.Java,
            Pattern = CreatePattern(
                """\.(?:executeQuery|executeUpdate|executeLargeUpdate|execute|addBatch|prepareStatement|prepareCall|createQuery|createNativeQuery)\([ \t]*"""
                + SqlConcatenated),
            Keywords = ["execute", "prepare", "addBatch", "createQuery", "createNativeQuery"],
            Fix = "Use a PreparedStatement with ? placeholders and setString/setInt for the values.",
        };
        yield return new CodeRule
        {
            Id = "code/java-insecure-deserialization",
            Description = "ObjectInputStream.readObject without a deserialisation filter",
            Cwe = "CWE-502",
            Severity = Severity.High,
            Extensions = CodeLanguages.Java,
            Pattern = CreatePattern("""\.readObject\([ \t]*\)|\bnew[ \t]+XMLDecoder\("""),
            Keywords = ["ObjectInputStream", "XMLDecoder"],
            SafeFileMarkers = ["setObjectInputFilter", "ObjectInputFilter.Config", "ValidatingObjectInputStream"],
            Fix = "Exchange data as JSON, or set an ObjectInputFilter that allows only the expected classes.",
        };
        yield return new CodeRule
        {
            Id = "code/java-trust-all-certificates",
            Description = "a TrustManager or HostnameVerifier that accepts everything",
            Cwe = "CWE-295",
            Severity = Severity.Medium,
            Extensions = CodeLanguages.Java,
            Pattern = CreatePattern(
                """\bvoid[ \t]+checkServerTrusted\([^)]*\)""" + Gap + """(?:throws[ \t]+[\w.]+(?:[ \t]*,[ \t]*[\w.]+)*""" + Gap + """)?\{""" + Gap + """\}"""
                + """|\bNoopHostnameVerifier\b|\bALLOW_ALL_HOSTNAME_VERIFIER\b"""
                + """|\bboolean[ \t]+verify\([^)]*\)""" + Gap + """\{""" + Gap + """return[ \t]+true;"""),
            Keywords = ["checkServerTrusted", "HostnameVerifier", "HOSTNAME_VERIFIER", "verify("],
            Fix = "Use the platform's default TrustManager; add a private CA to a trust store instead of skipping checks.",
        };
    }
}
