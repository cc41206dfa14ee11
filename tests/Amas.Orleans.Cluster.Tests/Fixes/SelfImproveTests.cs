using Amas.Orleans.Agents;
using Amas.Orleans.Findings;
using Amas.Orleans.Fixes;
using Amas.Orleans.Repositories;
using Amas.Orleans.Tasks;
using Amas.Orleans.Testing;
using Amas.Orleans.Testing.Providers;

namespace Amas.Orleans.Cluster.Tests.Fixes;

public sealed class SelfImproveTests(FixPipelineCluster cluster) : IClassFixture<FixPipelineCluster>
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Self_improve_with_auto_apply_commits_a_branch_that_fixes_all_three_and_orchestrate_on_it_no_longer_reports_them()
    {
        var repo = VulnerableRepository.Create(cluster.Root);
        var head = SampleRepository.Git(repo, "rev-parse", "HEAD").Trim();

        // Before: orchestrate on the original reports every problem the fixes are meant to remove.
        var before = await FindingsAsync(await RunAsync(TaskKind.Orchestrate, new RepositoryTarget { Path = repo }, new TaskOptions()));
        Assert.All(VulnerableRepository.Fixable, expected => Assert.Contains(expected, before));

        var (id, result) = await RunAsync(TaskKind.SelfImprove, new RepositoryTarget { Path = repo },
            new TaskOptions { Mode = "conservative", AutoApply = true, Depth = "surface" });

        var branch = $"amas/{id}";
        Assert.Equal(TaskLifecycle.Succeeded, result.Task.Lifecycle);
        Assert.Equal(branch, result.FixBranch);
        Assert.Equal(["Dockerfile", "app/settings.py", "requirements.txt"], result.Fixes.Select(f => f.File).Order(StringComparer.Ordinal));
        Assert.All(result.Fixes, f => Assert.Equal((FixVerdict.Accepted, FixOrigin.Deterministic), (f.Verdict, f.Origin)));
        Assert.Equal(0, result.Metrics["AutomatedFixer.patches_ai"]);
        Assert.All(result.Fixes, f => Assert.EndsWith("; the validation command passed", f.Reason));

        // The branch is a commit on top of the original, changing exactly the three files, as a reader of git sees it.
        Assert.Equal(head, SampleRepository.Git(repo, "rev-parse", $"{branch}~1").Trim());
        Assert.Equal(["Dockerfile", "app/settings.py", "requirements.txt"],
            SampleRepository.Git(repo, "diff", "--name-only", head, branch).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var dockerfile = SampleRepository.Git(repo, "show", $"{branch}:Dockerfile");
        Assert.Equal("""
            FROM ubuntu:24.04
            RUN apt-get update && apt-get install --no-install-recommends -y curl && rm -rf /var/lib/apt/lists/*
            COPY run.sh /app/run.sh
            USER nobody
            CMD ["/app/run.sh"]

            """, dockerfile);
        var settings = SampleRepository.Git(repo, "show", $"{branch}:app/settings.py");
        Assert.DoesNotContain(SampleRepository.GitHubToken, settings);
        Assert.Contains("API_TOKEN = os.environ.get(\"API_TOKEN\", \"\")", settings);
        Assert.StartsWith("import os\n", settings);
        Assert.Equal("requests==2.31.0\n", SampleRepository.Git(repo, "show", $"{branch}:requirements.txt"));

        // The original working tree, index and HEAD are as they were.
        Assert.Equal("main", SampleRepository.Git(repo, "rev-parse", "--abbrev-ref", "HEAD").Trim());
        Assert.Equal("", SampleRepository.Git(repo, "status", "--porcelain"));
        Assert.Equal(VulnerableRepository.Dockerfile, await File.ReadAllTextAsync(Path.Combine(repo, "Dockerfile")));

        // The published patch names the same three files and applies to the original commit.
        var patch = await cluster.Client.GetGrain<ITaskOrchestratorGrain>(id).GetPatchAsync();
        Assert.Equal(
            ["diff --git a/Dockerfile b/Dockerfile", "diff --git a/app/settings.py b/app/settings.py", "diff --git a/requirements.txt b/requirements.txt"],
            patch!.Split('\n').Where(l => l.StartsWith("diff --git", StringComparison.Ordinal)));
        var patchFile = Path.Combine(cluster.Root, $"{id}.patch");
        await File.WriteAllTextAsync(patchFile, patch);
        SampleRepository.Git(repo, "apply", "--check", patchFile);

        // After: orchestrate on the branch, as a git target, reports none of them.
        var after = await FindingsAsync(await RunAsync(TaskKind.Orchestrate,
            new RepositoryTarget { GitUrl = new Uri(repo).AbsoluteUri, Ref = branch }, new TaskOptions()));
        Assert.All(VulnerableRepository.Fixable, fixedOne => Assert.DoesNotContain(fixedOne, after));
        Assert.Contains(("DockerMonitor", "DL3008", "Dockerfile"), after);
    }

    [Fact]
    public async Task An_ai_patch_that_would_introduce_a_new_finding_is_rejected_with_the_reason_in_the_result()
    {
        var repo = Directory.CreateDirectory(Path.Combine(cluster.Root, $"repo-{Guid.NewGuid():N}")).FullName;
        VulnerableRepository.Write(repo, "scripts/job.py", """
            import time


            def run():
                # TODO: retry when the call fails
                return time.time()

            """);
        SampleRepository.CommitAll(repo);
        // The "fix" removes the TODO and hard-codes a token in its place: it applies cleanly, and it is worse.
        cluster.Provider.Script(FixPipelineCluster.ProviderId).Always(FakeReply.Answer($$"""
            ```diff
            --- a/scripts/job.py
            +++ b/scripts/job.py
            @@ -3,4 +3,4 @@
             
             def run():
            -    # TODO: retry when the call fails
            +    token = "{{SampleRepository.GitHubToken}}"
                 return time.time()
            ```
            """));

        // Areas without documentation: the scripted patch answers for the TODO only, not for a missing docstring.
        var (id, result) = await RunAsync(TaskKind.SelfImprove, new RepositoryTarget { Path = repo },
            new TaskOptions { Mode = "aggressive", AutoApply = true, Areas = ["code_quality", "security"] });

        var fix = Assert.Single(result.Fixes);
        Assert.Equal(("scripts/job.py", FixOrigin.Ai, FixVerdict.Rejected), (fix.File, fix.Origin, fix.Verdict));
        Assert.Equal(["code-quality/todo-comment"], fix.Rules);
        Assert.StartsWith("introduces a new finding: secret/github-token (SecurityScanner) in scripts/job.py line 5", fix.Reason);
        Assert.Equal("", fix.Diff);
        Assert.Null(result.FixBranch);
        Assert.Null(await cluster.Client.GetGrain<ITaskOrchestratorGrain>(id).GetPatchAsync());
        Assert.Equal(["main"], SampleRepository.Git(repo, "branch", "--format=%(refname:short)").Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task A_patch_the_analysis_accepts_is_still_rejected_when_the_operators_validation_command_fails()
    {
        var repo = Directory.CreateDirectory(Path.Combine(cluster.Root, $"repo-{Guid.NewGuid():N}")).FullName;
        VulnerableRepository.Write(repo, "scripts/job.py", "import time\n\n\ndef run():\n    # TODO: retry when the call fails\n    return time.time()\n");
        SampleRepository.CommitAll(repo);
        cluster.Provider.Script(FixPipelineCluster.ProviderId).Always(FakeReply.Answer($$"""
            --- a/scripts/job.py
            +++ b/scripts/job.py
            @@ -4,3 +4,3 @@
             def run():
            -    # TODO: retry when the call fails
            +    # {{FixPipelineCluster.BuildBreaker}}
                 return time.time()
            """));

        var (_, result) = await RunAsync(TaskKind.SelfImprove, new RepositoryTarget { Path = repo }, new TaskOptions { Mode = "aggressive", Areas = ["code_quality", "security"] });

        var fix = Assert.Single(result.Fixes);
        Assert.Equal((FixOrigin.Ai, FixVerdict.Rejected), (fix.Origin, fix.Verdict));
        Assert.Equal("the validation command failed with exit code 1: ", fix.Reason);
    }

    [Fact]
    public async Task Orchestrate_runs_the_fix_chain_only_with_auto_apply()
    {
        var repo = VulnerableRepository.Create(cluster.Root);

        var (_, plain) = await RunAsync(TaskKind.Orchestrate, new RepositoryTarget { Path = repo }, new TaskOptions());
        var (id, applied) = await RunAsync(TaskKind.Orchestrate, new RepositoryTarget { Path = repo }, new TaskOptions { AutoApply = true });

        Assert.Empty(plain.Task.Layers.Single(l => l.Layer == 3).Agents);
        Assert.Empty(plain.Fixes);
        Assert.Equal(FixAgentNames.Chain, applied.Task.Layers.Single(l => l.Layer == 3).Agents.Select(a => a.Agent));
        Assert.Equal(3, applied.Fixes.Count(f => f.Verdict == FixVerdict.Accepted));
        Assert.Equal($"amas/{id}", applied.FixBranch);
    }

    private async Task<(Guid Id, TaskResult Result)> RunAsync(TaskKind kind, RepositoryTarget target, TaskOptions options)
    {
        var id = Guid.NewGuid();
        var task = cluster.Client.GetGrain<ITaskOrchestratorGrain>(id);
        await task.SubmitAsync(new TaskSpec { Kind = kind, Target = target, Options = options, Submitter = "tests" });
        var status = await task.WaitUntilEndedAsync(Within);
        Assert.True(status.Lifecycle == TaskLifecycle.Succeeded, $"{kind} ended {status.Lifecycle}: {status.Error?.Message} {status.Error?.Cause}");
        return (id, (await task.GetResultAsync(0, 1000))!);
    }

    private static Task<HashSet<(string Agent, string Rule, string File)>> FindingsAsync((Guid Id, TaskResult Result) run)
        => Task.FromResult(run.Result.Findings.Items.Select(f => (f.Agent, f.Rule, f.File ?? "")).ToHashSet());
}
