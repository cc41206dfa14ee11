using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Amas.Orleans.Gateway.Security;
using Amas.Orleans.Tasks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Amas.Orleans.Gateway.Api;

/// <summary>
/// <c>GET /api/v1/tasks/{id}/events</c>: progress as server-sent events, from task_created to task_completed, with a
/// heartbeat while nothing happens so proxies keep the connection. Every connection replays from the start.
/// </summary>
public static class TaskEventsEndpoint
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(15);

    public static IEndpointRouteBuilder MapTaskEventsEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/tasks/{id:guid}/events", StreamAsync).WithTags("Tasks").WithName("GetTaskEvents")
            .Produces<TaskEvent>(StatusCodes.Status200OK, "text/event-stream")
            .RequireAuthorization(AmasPolicies.Viewer).RequireTaskOwner();
        return app;
    }

    private static async Task<Results<ServerSentEventsResult<TaskEvent>, ProblemHttpResult>> StreamAsync(Guid id, IClusterClient cluster, TimeProvider clock, CancellationToken cancellationToken)
    {
        var task = cluster.GetGrain<ITaskOrchestratorGrain>(id);
        var first = await task.GetStatusAsync();
        return first is null ? TaskEndpoints.NotFound(id) : TypedResults.ServerSentEvents(EventsAsync(task, first, clock, cancellationToken));
    }

    private static async IAsyncEnumerable<SseItem<TaskEvent>> EventsAsync(
        ITaskOrchestratorGrain task, TaskSnapshot first, TimeProvider clock, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var deriver = new TaskEventDeriver();
        var sequence = 0;
        var snapshot = first;
        var quietSince = clock.GetTimestamp();
        while (true)
        {
            var events = deriver.Next(snapshot);
            foreach (var item in events)
            {
                yield return new SseItem<TaskEvent>(item, item.Event) { EventId = (++sequence).ToString(System.Globalization.CultureInfo.InvariantCulture) };
            }

            if (deriver.Completed)
            {
                yield break;
            }

            if (events.Count > 0)
            {
                quietSince = clock.GetTimestamp();
            }
            else if (clock.GetElapsedTime(quietSince) >= HeartbeatInterval)
            {
                quietSince = clock.GetTimestamp();
                yield return new SseItem<TaskEvent>(new TaskEvent { Event = "heartbeat", TaskId = snapshot.TaskId, At = clock.GetUtcNow() }, "heartbeat")
                {
                    EventId = (++sequence).ToString(System.Globalization.CultureInfo.InvariantCulture),
                };
            }

            await Task.Delay(PollInterval, clock, cancellationToken);
            snapshot = await ReadAsync(task) ?? snapshot;
        }
    }

    /// <summary>A status read that fails while the orchestrator moves to another silo is tried again on the next tick.</summary>
    private static async Task<TaskSnapshot?> ReadAsync(ITaskOrchestratorGrain task)
    {
        try
        {
            return await task.GetStatusAsync();
        }
        catch (Exception ex) when (ex is TimeoutException or global::Orleans.Runtime.OrleansException)
        {
            return null;
        }
    }
}
