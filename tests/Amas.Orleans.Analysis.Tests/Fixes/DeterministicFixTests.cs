using Amas.Orleans.Analysis.Dependencies;
using Amas.Orleans.Analysis.Docker;
using Amas.Orleans.Analysis.Security;
using Amas.Orleans.Analysis.Tests.Dependencies;
using Amas.Orleans.Findings;
using Amas.Orleans.Fixes;
using Amas.Orleans.Testing;

namespace Amas.Orleans.Analysis.Tests.Fixes;

/// <summary>
/// Each rewrite is judged by the analyser that reported the finding: after the fix, the rule no longer fires on the
/// fixed text, and no other rule fires more often than before.
/// </summary>
public sealed class DeterministicFixTests
{
    private static readonly DockerfileAnalyzer Docker = new();

    private static (string Text, IReadOnlyList<string> Changes) Fix(IReadOnlyList<Finding> findings, string text)
    {
        var edit = new FileEdit(text);
        var versions = DependencyFixes.Targets(findings);
        var changes = new List<string>();
        foreach (var finding in findings)
        {
            var change = finding.Category == "docker" ? DockerfileFixes.TryFix(finding, edit)
                : SecretFixes.Handles(finding) ? SecretFixes.TryFix(finding, edit)
                : DependencyFixes.TryFix(finding, edit, versions.GetValueOrDefault(finding.Id));
            if (change is not null)
            {
                changes.Add(change);
            }
        }

        return (edit.Text(), changes);
    }

    private static IReadOnlyList<Finding> Dockerfile(string text) => Docker.Analyze(new SourceFile("Dockerfile", text)).Findings;

    [Theory]
    [InlineData("FROM ubuntu:latest\nUSER app\nCMD [\"x\"]\n", "DL3007", "FROM ubuntu:24.04\n")]
    [InlineData("FROM python\nUSER app\nCMD [\"x\"]\n", "DL3006", "FROM python:3.12\n")]
    [InlineData("FROM --platform=linux/amd64 node AS build\nFROM build\nUSER app\n", "DL3006", "FROM --platform=linux/amd64 node:22 AS build\n")]
    [InlineData("FROM debian:bookworm\nRUN apt-get update \\\n    && apt-get -y install curl\nUSER app\n", "DL3015", "    && apt-get -y install --no-install-recommends curl")]
    [InlineData("FROM debian:bookworm\nRUN apt-get update \\\n    && apt-get install -y curl\nUSER app\n", "DL3009", "    && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n")]
    [InlineData("FROM debian:bookworm\nADD app.sh /app/\nUSER app\n", "DL3020", "\nCOPY app.sh /app/\n")]
    [InlineData("FROM debian:bookworm\nUSER root\n", "DL3002", "\nUSER nobody\n")]
    [InlineData("FROM debian:bookworm\nRUN make\nCMD [\"x\"]\nRUN more\nENTRYPOINT [\"y\"]\n", "AMAS-DOCKER-USER", "RUN more\nUSER nobody\nENTRYPOINT [\"y\"]\n")]
    [InlineData("FROM debian:bookworm\nRUN make\n", "AMAS-DOCKER-USER", "RUN make\nUSER nobody\n")]
    public void A_dockerfile_rule_with_a_rewrite_no_longer_fires_and_nothing_new_does(string text, string rule, string expected)
    {
        var before = Dockerfile(text);
        Assert.Contains(before, f => f.Rule == rule);

        var (fixedText, _) = Fix(before.Where(f => f.Rule == rule).ToList(), text);

        Assert.Contains(expected, fixedText);
        var after = Dockerfile(fixedText);
        Assert.DoesNotContain(after, f => f.Rule == rule);
        Assert.All(after.CountBy(f => f.Rule), c => Assert.True(c.Value <= before.Count(f => f.Rule == c.Key), $"{c.Key} fires more often after the fix"));
    }

    [Theory]
    [InlineData("FROM mycorp/base:latest\n")]
    [InlineData("FROM ubuntu:${VERSION}\n")]
    [InlineData("FROM debian:bookworm\nADD https://example.com/tool.tar.gz /opt/\n")]
    [InlineData("FROM debian:bookworm\nADD vendor.tar.gz /opt/\n")]
    public void What_cannot_be_rewritten_without_judgement_is_left_alone(string text)
    {
        var findings = Dockerfile(text).Where(f => f.Rule is "DL3007" or "DL3006" or "DL3020").ToList();

        var (fixedText, changes) = Fix(findings, text);

        Assert.Empty(changes);
        Assert.Equal(text, fixedText);
    }

    [Theory]
    [InlineData("settings.py", "API_TOKEN = \"{0}\"\n", "import os\nAPI_TOKEN = os.environ.get(\"API_TOKEN\", \"\")\n")]
    [InlineData("config.js", "const githubToken = '{0}';\n", "const githubToken = process.env.GITHUB_TOKEN;\n")]
    [InlineData("Settings.cs", "var gitHubToken = \"{0}\";\n", "var gitHubToken = (System.Environment.GetEnvironmentVariable(\"GIT_HUB_TOKEN\") ?? \"\");\n")]
    [InlineData("App.java", "String token = \"{0}\";\n", "String token = System.getenv(\"TOKEN\");\n")]
    public void A_hard_coded_secret_becomes_an_environment_lookup_in_the_files_language(string path, string template, string expected)
    {
        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, SampleRepository.GitHubToken);
        var scanner = new SecretScanner();
        var before = scanner.Scan(new SourceFile(path, text));
        Assert.NotEmpty(before);

        var (fixedText, _) = Fix(before, text);

        Assert.Equal(expected, fixedText);
        Assert.Empty(scanner.Scan(new SourceFile(path, fixedText)));
    }

    [Theory]
    [InlineData("Constants.cs", "const string Token = \"{0}\";\n")]
    [InlineData(".env", "GITHUB_TOKEN={0}\n")]
    public void A_secret_in_a_constant_or_a_configuration_file_is_left_to_a_person(string path, string template)
    {
        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, SampleRepository.GitHubToken);
        var before = new SecretScanner().Scan(new SourceFile(path, text));
        Assert.NotEmpty(before);

        Assert.Equal((text, 0), Fix(before, text) is var (t, c) ? (t, c.Count) : default);
    }

    [Theory]
    [InlineData("requirements.txt", "flask==2.0.0\nrequests==2.19.0  # pinned\n", "requests==2.31.0  # pinned", "upgraded requests from 2.19.0 to 2.31.0", 1)]
    [InlineData("package.json", "{\n  \"dependencies\": {\n    \"lodash\": \"4.17.11\"\n  }\n}\n", "\"lodash\": \"4.17.21\"", "upgraded lodash from 4.17.11 to 4.17.21", 2)]
    public async Task A_vulnerable_dependency_is_bumped_to_the_highest_first_fixed_version_on_its_manifest_line(
        string path, string text, string expected, string change, int advisories)
    {
        var auditor = new DependencyAuditor([new OsvDirectorySource(DependencyFixtures.Advisories)]);
        var before = (await auditor.AuditAsync([new SourceFile(path, text)], CancellationToken.None)).Findings;
        Assert.Equal(advisories, before.Count);

        var (fixedText, changes) = Fix(before, text);

        Assert.Contains(expected, fixedText);
        Assert.Equal(Enumerable.Repeat(change, advisories), changes);
        Assert.Empty((await auditor.AuditAsync([new SourceFile(path, fixedText)], CancellationToken.None)).Findings);
    }
}
