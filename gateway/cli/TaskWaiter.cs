using System.Text.Json;

namespace Amas.Orleans.Cli;

/// <summary>Polls a task's status until it ends, showing progress; then settles the exit code from the result.</summary>
public static class TaskWaiter
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    public static async Task<JsonElement> WaitAsync(CliRun run, Guid id, CancellationToken cancellationToken)
    {
        var progress = run.Json ? null : new TaskProgress(run.Error);
        while (true)
        {
            var status = await run.Gateway.GetJsonAsync($"/api/v1/tasks/{id}", cancellationToken);
            progress?.Show(status);
            if (TaskProgress.Ended.Contains(status.GetProperty("lifecycle").GetString()!))
            {
                return status;
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>
    /// The exit code of a finished task: failed or cancelled first, then <paramref name="failOn"/> against the
    /// result's summary. Writes the summary (text) or the result (JSON).
    /// </summary>
    public static async Task<int> SettleAsync(CliRun run, JsonElement status, string? failOn, CancellationToken cancellationToken)
    {
        var id = status.GetProperty("task_id").GetString();
        var lifecycle = status.GetProperty("lifecycle").GetString();
        if (lifecycle != "succeeded")
        {
            if (run.Json)
            {
                await run.Out.WriteLineAsync(status.GetRawText());
            }

            var cause = status.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var message)
                ? $": {message.GetString()}"
                : "";
            await run.Error.WriteLineAsync($"amas: task {id} ended {lifecycle}{cause}");
            return ExitCodes.TaskUnsuccessful;
        }

        var result = await run.Gateway.GetJsonAsync($"/api/v1/tasks/{id}/result?limit=1", cancellationToken);
        if (run.Json)
        {
            await run.Out.WriteLineAsync(result.GetRawText());
        }
        else
        {
            await run.Out.WriteLineAsync(Summary(result));
        }

        if (failOn is null)
        {
            return ExitCodes.Success;
        }

        var over = SeverityThreshold.CountAtOrAbove(result, failOn);
        if (over > 0)
        {
            await run.Error.WriteLineAsync($"amas: {over} finding(s) at or above {failOn}");
            return ExitCodes.Findings;
        }

        return ExitCodes.Success;
    }

    private static string Summary(JsonElement result)
    {
        var summary = result.GetProperty("summary");
        var total = summary.GetProperty("total").GetInt32();
        var bySeverity = summary.GetProperty("by_severity").EnumerateObject()
            .OrderByDescending(s => SeverityThreshold.Rank(s.Name))
            .Select(s => $"{s.Name} {s.Value.GetInt32()}");
        var id = result.GetProperty("task").GetProperty("task_id").GetString();
        return $"{total} findings ({string.Join(", ", bySeverity)}) — amas result {id} --format markdown";
    }
}
