using Amas.Orleans.Agents;
using Amas.Orleans.Repositories;
using Amas.Orleans.Tasks;

namespace Amas.Orleans.Analysis.Tests;

/// <summary>What agent tests need to run an agent outside a cluster: files written under a root, and a work order.</summary>
internal static class AgentRuns
{
    public static RepositoryCheckout Checkout(string root, params (string Path, string Text)[] files)
    {
        var entries = new List<RepositoryFile>();
        foreach (var (relative, text) in files)
        {
            var full = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
            entries.Add(new RepositoryFile(relative, full, text.Length));
        }

        return new RepositoryCheckout(root, Commit: null, entries, SkippedBinary: 0, SkippedOversized: 0);
    }

    public static AgentContext Context(string agent, RepositoryCheckout? repository) => new(
        new AgentWork
        {
            TaskId = Guid.NewGuid(),
            Agent = agent,
            Kind = TaskKind.Orchestrate,
            Options = new TaskOptions(),
            Deadline = DateTimeOffset.UtcNow.AddMinutes(5),
        },
        repository,
        []);
}
