using Amas.Orleans.Findings;
using static Amas.Orleans.Analysis.Security.SecretPatterns;
using static Amas.Orleans.Analysis.Security.SecretRule;

namespace Amas.Orleans.Analysis.Security;

/// <summary>
/// Provider-neutral shapes: key material, signed tokens, credentials inside URLs, and the generic assignment that
/// catches what no specific rule knows.
/// </summary>
internal static class KeyAndUrlSecretRules
{
    public static IEnumerable<SecretRule> Create()
    {
        yield return new SecretRule
        {
            Id = "secret/private-key",
            Description = "private key",
            Severity = Severity.Critical,
            // The body must be long enough to be a key, which leaves out documentation that elides it ("...").
            Pattern = CreatePattern(
                """-----BEGIN[ A-Z0-9]{0,24}PRIVATE KEY(?: BLOCK)?-----(?<secret>[A-Za-z0-9+/=:,.\s\-]{64,}?)-----END"""),
            Keywords = ["PRIVATE KEY"],
            RejectsPlaceholders = false,
        };
        yield return new SecretRule
        {
            Id = "secret/age-secret-key",
            Description = "age encryption secret key",
            Severity = Severity.Critical,
            // Bech32 alphabet: the 32 characters left after removing 1, b, i and o.
            Pattern = CreatePattern("""\b(?<secret>AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})\b"""),
            Keywords = ["AGE-SECRET-KEY-1"],
            RejectsPlaceholders = false,
        };
        yield return new SecretRule
        {
            Id = "secret/jwt",
            Description = "JSON Web Token",
            Severity = Severity.Medium,
            Pattern = CreatePattern(
                """\b(?<secret>eyJ[A-Za-z0-9_\-]{10,}\.eyJ[A-Za-z0-9_\-]{10,}\.[A-Za-z0-9_\-]{10,})""" + TokenEnd),
            Keywords = ["eyJ"],
            Validate = JwtHeader.DeclaresAlgorithm,
        };
        yield return new SecretRule
        {
            Id = "secret/database-url-password",
            Description = "database URL with an embedded password",
            Severity = Severity.High,
            Pattern = CreatePattern(
                """(?i:\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver)://)"""
                + """[^:/@\s"'<>]{0,64}:(?<secret>[^@/\s"'<>]{3,128})@[A-Za-z0-9_.\-\[\]]+"""),
            Keywords = ["postgres", "mysql", "mariadb", "mongodb", "redis", "amqp", "mssql", "sqlserver"],
        };
        yield return new SecretRule
        {
            Id = "secret/jdbc-url-password",
            Description = "JDBC URL with an embedded password",
            Severity = Severity.High,
            // A password parameter (PostgreSQL, MySQL, SQL Server) or Oracle's thin "user/password@host" form.
            Pattern = CreatePattern(
                """(?i:jdbc:[a-z0-9]+:[^\s"'<>]{0,200}?[?;&:]password=)(?<secret>[^&;\s"'<>]{3,128})"""
                + """|(?i:jdbc:oracle:thin:)[A-Za-z0-9_$#]{1,64}/(?<secret>[^@/\s"'<>]{3,128})@"""),
            Keywords = ["jdbc:"],
        };
        yield return new SecretRule
        {
            Id = "secret/url-basic-auth",
            Description = "password in a URL",
            Severity = Severity.High,
            // Any scheme (https, ftp, smb, git+ssh, amqp...); database schemes are claimed by the rule above first.
            Pattern = CreatePattern(
                """\b[A-Za-z][A-Za-z0-9+.\-]{1,30}://[^:/@\s"'<>]{1,64}:(?<secret>[^@/\s"'<>]{3,128})@[A-Za-z0-9_.\-\[\]]+"""),
            Keywords = ["://"],
            // Docs write admin:admin and user:pass; those are no one's password.
            MinEntropy = 2.5,
        };
        yield return new SecretRule
        {
            Id = "secret/generic-assignment",
            Description = "hard-coded secret assigned to a credential-named variable",
            Severity = Severity.Medium,
            Pattern = CreatePattern(
                """(?<key>(?i:[A-Za-z0-9_.\-]{0,80}(?:password|passwd|pwd|secret|token|api[_\-]?key|access[_\-]?key)(?:[_\-]?key)?))"""
                + Assign + """["'`](?<secret>[^"'`\s]{8,200})["'`]"""),
            Keywords = ["password", "passwd", "pwd", "secret", "token", "api_key", "apikey", "api-key", "access_key",
                "accesskey", "access-key"],
            MinEntropy = 3.0,
            IsGeneric = true,
            Validate = GenericAssignment.IsSecretValue,
            ValidateKey = GenericAssignment.IsCredentialName,
        };
    }
}
