using static Amas.Orleans.Analysis.Tests.Security.FakeSecret;

namespace Amas.Orleans.Analysis.Tests.Security;

public static partial class SecretSamples
{
    private static void SourceControl(Sample sample)
    {
        sample("secret/github-token", "git clone https://{0}@github.com/o/r", "ghp_" + Alnum(36));
        sample("secret/github-token", "GH={0}", "gho_" + Alnum(36, 2));
        sample("secret/github-token", "uses token {0} here", "ghs_" + Alnum(36, 4));
        sample("secret/github-fine-grained-pat", "pat: {0}", "github_pat_" + Alnum(22) + "_" + Alnum(59, 3));
        sample("secret/gitlab-routable-token", "CI_TOKEN {0}", "glpat-" + Of(UrlSafe, 40) + ".01." + Of(Lower + Digits, 7));
        sample("secret/gitlab-pat", "CI_TOKEN {0}", "glpat-" + Of(UrlSafe, 20));
        sample("secret/gitlab-runner-token", "token = {0}", "glrt-" + Of(UrlSafe, 20));
        sample("secret/gitlab-runner-token", "registration-token {0}", "GR1348941" + Of(UrlSafe, 20, 2));
        sample("secret/gitlab-ci-job-token", "JOB={0}", "glcbt-" + Of(UrlSafe, 20));
        sample("secret/gitlab-pipeline-trigger-token", "TRIGGER={0}", "glptt-" + Of(Hex, 40));
        sample("secret/gitlab-deploy-token", "DEPLOY={0}", "gldt-" + Of(UrlSafe, 20));
        sample("secret/bitbucket-app-password", "BITBUCKET_APP_PASSWORD={0}", Alnum(20));
        sample("secret/bitbucket-app-password", "auth: {0}", "ATBB" + Alnum(32, 3));
        sample("secret/circleci-token", "token {0}", "CCIPAT_" + Alnum(22) + "_" + Of(Hex, 40));
        sample("secret/circleci-token", "CIRCLE_TOKEN={0}", Of(Hex, 40, 3));
        sample("secret/travis-ci-token", "TRAVIS_API_TOKEN={0}", Alnum(22));
    }

    private static IEnumerable<(string Rule, string Text)> SourceControlMisses()
    {
        yield return ("secret/github-token", "token ghx_" + Alnum(36));
        yield return ("secret/github-token", "token ghp_" + Alnum(30));
        yield return ("secret/github-token", "token ghp_" + new string('x', 36));
        yield return ("secret/github-fine-grained-pat", "pat: github_pat_" + Alnum(22) + "_" + Alnum(30, 3));
        yield return ("secret/gitlab-routable-token", "CI_TOKEN glpat-" + Of(UrlSafe, 40));
        yield return ("secret/gitlab-pat", "CI_TOKEN glpat-" + Of(UrlSafe, 12));
        yield return ("secret/gitlab-runner-token", "token = glrt-" + Of(UrlSafe, 10));
        yield return ("secret/gitlab-ci-job-token", "JOB=glcbt-" + Of(UrlSafe, 10));
        yield return ("secret/gitlab-pipeline-trigger-token", "TRIGGER=glptt-" + Of(Hex, 30));
        yield return ("secret/gitlab-deploy-token", "DEPLOY=gldt-" + Of(UrlSafe, 10));
        yield return ("secret/bitbucket-app-password", "BITBUCKET_USERNAME=" + Alnum(20));
        yield return ("secret/bitbucket-app-password", "BITBUCKET_APP_PASSWORD=" + Alnum(10));
        yield return ("secret/circleci-token", "CIRCLE_SHA1=" + Of(Hex, 40, 3));
        yield return ("secret/circleci-token", "token CCIPAT_" + Alnum(22));
        yield return ("secret/travis-ci-token", "TRAVIS_API_TOKEN=" + Alnum(12));
        yield return ("secret/travis-ci-token", "TRAVIS_BUILD_ID=" + Alnum(22));
    }
}
