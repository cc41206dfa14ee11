using Amas.Orleans.Testing;

namespace Amas.Orleans.Cluster.Tests.Fixes;

/// <summary>
/// A git repository with one problem of each kind the deterministic fixes cover: a Dockerfile on ubuntu:latest that
/// installs with apt without cleaning up, ADDs a local file and runs as root; a hard-coded GitHub token in Python; and
/// requests 2.19.0, which the advisory written here (OSV format) says is fixed in 2.31.0.
/// </summary>
internal static class VulnerableRepository
{
    public const string AdvisoryId = "GHSA-test-fix-pipeline";

    public const string Dockerfile = """
        FROM ubuntu:latest
        RUN apt-get update && apt-get install -y curl
        ADD run.sh /app/run.sh
        CMD ["/app/run.sh"]

        """;

    public static readonly string Settings = $"""
        DEBUG = False
        API_TOKEN = "{SampleRepository.GitHubToken}"

        """;

    public const string Requirements = "requests==2.19.0\n";

    public const string Advisory = $$"""
        {
          "schema_version": "1.6.0",
          "id": "{{AdvisoryId}}",
          "modified": "2026-11-01T00:00:00Z",
          "summary": "Proxy-Authorization header leaks on redirect (written for the fix pipeline tests)",
          "affected": [
            {
              "package": { "ecosystem": "PyPI", "name": "requests" },
              "ranges": [ { "type": "ECOSYSTEM", "events": [ { "introduced": "2.3.0" }, { "fixed": "2.31.0" } ] } ]
            }
          ],
          "database_specific": { "severity": "MODERATE" }
        }
        """;

    /// <summary>The rules whose findings the deterministic fixes remove, by agent.</summary>
    public static readonly (string Agent, string Rule, string File)[] Fixable =
    [
        ("DockerMonitor", "DL3007", "Dockerfile"),
        ("DockerMonitor", "DL3009", "Dockerfile"),
        ("DockerMonitor", "DL3015", "Dockerfile"),
        ("DockerMonitor", "DL3020", "Dockerfile"),
        ("DockerMonitor", "AMAS-DOCKER-USER", "Dockerfile"),
        ("SecurityScanner", "secret/github-token", "app/settings.py"),
        ("DependencyAuditor", AdvisoryId, "requirements.txt"),
    ];

    /// <summary>Creates and commits the repository under <paramref name="parent"/>; returns its path.</summary>
    public static string Create(string parent)
    {
        var root = Directory.CreateDirectory(Path.Combine(parent, $"repo-{Guid.NewGuid():N}")).FullName;
        Write(root, "Dockerfile", Dockerfile);
        Write(root, "run.sh", "#!/bin/sh\necho ready\n");
        Write(root, "app/settings.py", Settings);
        Write(root, "requirements.txt", Requirements);
        SampleRepository.CommitAll(root);
        return root;
    }

    public static void Write(string root, string path, string text)
    {
        var full = Path.Combine(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }
}
