using Amas.Orleans.Repositories;

namespace Amas.Orleans.Agents;

/// <summary>Everything an agent run may read: its work order, the checked-out repository and earlier layers' reports.</summary>
public sealed record AgentContext(
    AgentWork Work,
    RepositoryCheckout? Repository,
    IReadOnlyList<AgentReport> Inputs)
{
    public Guid TaskId => Work.TaskId;
}
