using Amas.Orleans.Tasks;

namespace Amas.Orleans.Gateway.Api;

public sealed record TaskAccepted(Guid TaskId, TaskLifecycle Status, TaskLinks Links);

public sealed record TaskLinks(string Self, string Result, string Cancel)
{
    public static TaskLinks For(Guid id) => new($"/api/v1/tasks/{id}", $"/api/v1/tasks/{id}/result", $"/api/v1/tasks/{id}/cancel");
}
