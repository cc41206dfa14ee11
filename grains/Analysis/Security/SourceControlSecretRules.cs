using Amas.Orleans.Findings;
using static Amas.Orleans.Analysis.Security.SecretPatterns;
using static Amas.Orleans.Analysis.Security.SecretRule;

namespace Amas.Orleans.Analysis.Security;

/// <summary>Source hosting and CI: tokens that can push code, read private repositories or run pipelines.</summary>
internal static class SourceControlSecretRules
{
    public static IEnumerable<SecretRule> Create()
    {
        yield return new SecretRule
        {
            Id = "secret/github-token",
            Description = "GitHub token",
            Severity = Severity.High,
            Pattern = CreatePattern("""\b(?<secret>gh[pousr]_[A-Za-z0-9]{36})\b"""),
            Keywords = ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"],
        };
        yield return new SecretRule
        {
            Id = "secret/github-fine-grained-pat",
            Description = "GitHub fine-grained personal access token",
            Severity = Severity.High,
            Pattern = CreatePattern("""\b(?<secret>github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})\b"""),
            Keywords = ["github_pat_"],
        };
        yield return new SecretRule
        {
            Id = "secret/gitlab-routable-token",
            Description = "GitLab routable personal access token",
            Severity = Severity.High,
            // GitLab 17 appends ".<version><crc>" to the random part; listed before the plain rule, which would
            // otherwise claim the prefix.
            Pattern = CreatePattern("""\b(?<secret>glpat-[A-Za-z0-9_\-]{27,300}\.[0-9a-z]{2}\.?[0-9a-z]{7})\b"""),
            Keywords = ["glpat-"],
        };
        yield return new SecretRule
        {
            Id = "secret/gitlab-pat",
            Description = "GitLab personal access token",
            Severity = Severity.High,
            Pattern = CreatePattern("""\b(?<secret>glpat-[A-Za-z0-9_\-]{20,64})""" + TokenEnd),
            Keywords = ["glpat-"],
        };
        yield return new SecretRule
        {
            Id = "secret/gitlab-runner-token",
            Description = "GitLab runner authentication or registration token",
            Severity = Severity.High,
            Pattern = CreatePattern("""\b(?<secret>glrt-[A-Za-z0-9_\-]{20,64}|GR1348941[A-Za-z0-9_\-]{20,64})""" + TokenEnd),
            Keywords = ["glrt-", "GR1348941"],
        };
        yield return new SecretRule
        {
            Id = "secret/gitlab-ci-job-token",
            Description = "GitLab CI/CD job token",
            Severity = Severity.High,
            Pattern = CreatePattern("""\b(?<secret>glcbt-(?:[0-9a-fA-F]{1,5}_)?[A-Za-z0-9_\-]{20,64})""" + TokenEnd),
            Keywords = ["glcbt-"],
        };
        yield return new SecretRule
        {
            Id = "secret/gitlab-pipeline-trigger-token",
            Description = "GitLab pipeline trigger token",
            Severity = Severity.High,
            Pattern = CreatePattern("""\b(?<secret>glptt-[0-9a-f]{40})\b"""),
            Keywords = ["glptt-"],
        };
        yield return new SecretRule
        {
            Id = "secret/gitlab-deploy-token",
            Description = "GitLab deploy token",
            Severity = Severity.High,
            Pattern = CreatePattern("""\b(?<secret>gldt-[A-Za-z0-9_\-]{20,64})""" + TokenEnd),
            Keywords = ["gldt-"],
        };
        yield return new SecretRule
        {
            Id = "secret/bitbucket-app-password",
            Description = "Bitbucket app password",
            Severity = Severity.High,
            // Classic app passwords are 20 bare characters, so they need the name they are assigned to; newer ones
            // carry an "ATBB" prefix.
            Pattern = CreatePattern(
                """\b(?<secret>ATBB[A-Za-z0-9]{32})\b"""
                + """|(?i:bitbucket[A-Za-z0-9_.\-]{0,30}(?:password|passwd|pass|secret|token))""" + Assign + OpenQuote
                + """(?<secret>[A-Za-z0-9]{18,64})\b"""),
            Keywords = ["bitbucket", "ATBB"],
            MinEntropy = 3.0,
        };
        yield return new SecretRule
        {
            Id = "secret/circleci-token",
            Description = "CircleCI API token",
            Severity = Severity.High,
            Pattern = CreatePattern(
                """\b(?<secret>CCIPAT_[A-Za-z0-9]{22}_[a-f0-9]{40})\b"""
                + """|(?i:circle[A-Za-z0-9_.\-]{0,20}token)""" + Assign + OpenQuote + """(?<secret>[a-f0-9]{40})\b"""),
            Keywords = ["CCIPAT_", "circle"],
            MinEntropy = 3.0,
        };
        yield return new SecretRule
        {
            Id = "secret/travis-ci-token",
            Description = "Travis CI API token",
            Severity = Severity.High,
            Pattern = CreatePattern(
                """(?i:travis[A-Za-z0-9_.\-]{0,20}(?:token|key))""" + Assign + OpenQuote
                + """(?<secret>[A-Za-z0-9_\-]{22})""" + TokenEnd),
            Keywords = ["travis"],
            MinEntropy = 3.5,
        };
    }
}
