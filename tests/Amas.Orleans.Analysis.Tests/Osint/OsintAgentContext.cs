using Amas.Orleans.Agents;
using Amas.Orleans.Tasks;

namespace Amas.Orleans.Analysis.Tests.Osint;

internal static class OsintAgentContext
{
    public static AgentContext Create(TaskKind kind = TaskKind.Osint, string agent = "Osint") => new(
        new AgentWork
        {
            TaskId = Guid.NewGuid(),
            Agent = agent,
            Kind = kind,
            Options = new TaskOptions(),
            Deadline = DateTimeOffset.UtcNow.AddMinutes(5),
        },
        Repository: null,
        []);
}
