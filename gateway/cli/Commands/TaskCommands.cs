using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Amas.Orleans.Cli.Commands;

/// <summary><c>amas status|result|cancel ID</c> and <c>amas tasks</c>: reading and steering tasks already submitted.</summary>
public static class TaskCommands
{
    public static Command Status(GlobalOptions global)
    {
        var id = TaskId();
        var wait = new Option<bool>("--wait") { Description = "Follow the task until it ends." };
        var command = new Command("status", "Show a task's status: each layer and agent.") { id, wait };
        CliRun.Bind(command, global, async (parse, run, cancellationToken) =>
        {
            var task = parse.GetValue(id);
            if (parse.GetValue(wait))
            {
                var ended = await TaskWaiter.WaitAsync(run, task, cancellationToken);
                await run.Out.WriteLineAsync(run.Json ? ended.GetRawText() : $"{task}: {ended.GetProperty("lifecycle").GetString()}");
                return ended.GetProperty("lifecycle").GetString() == "succeeded" ? ExitCodes.Success : ExitCodes.TaskUnsuccessful;
            }

            var status = await run.Gateway.GetJsonAsync($"/api/v1/tasks/{task}", cancellationToken);
            if (run.Json)
            {
                await run.Out.WriteLineAsync(status.GetRawText());
            }
            else
            {
                new TaskProgress(run.Out).Show(status);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    public static Command Result(GlobalOptions global)
    {
        var id = TaskId();
        var format = new Option<string>("--format") { Description = "json, sarif or markdown.", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "sarif", "markdown");
        var file = new Option<FileInfo?>("-o", "--out") { Description = "Write the report to this file instead of stdout." };
        var failOn = new Option<string?>("--fail-on") { Description = "Exit with 1 when findings at or above this severity exist." };
        failOn.AcceptOnlyFromAmong([.. SeverityThreshold.Names]);
        var command = new Command("result", "Download a finished task's report.") { id, format, file, failOn };
        CliRun.Bind(command, global, async (parse, run, cancellationToken) =>
        {
            var task = parse.GetValue(id);
            var wanted = parse.GetValue(format)!;
            // JSON carries every finding only when asked for the largest page; exports always hold all of them.
            var report = await run.Gateway.GetTextAsync(wanted == "json" ? $"/api/v1/tasks/{task}/result?limit=1000" : $"/api/v1/tasks/{task}/result?format={wanted}", cancellationToken);
            if (parse.GetValue(file) is { } target)
            {
                await File.WriteAllTextAsync(target.FullName, report, new UTF8Encoding(false), cancellationToken);
                await run.Error.WriteLineAsync($"wrote {target.FullName}");
            }
            else
            {
                await run.Out.WriteLineAsync(report);
            }

            if (parse.GetValue(failOn) is not { } threshold)
            {
                return ExitCodes.Success;
            }

            var summary = await run.Gateway.GetJsonAsync($"/api/v1/tasks/{task}/result?limit=1", cancellationToken);
            var over = SeverityThreshold.CountAtOrAbove(summary, threshold);
            if (over == 0)
            {
                return ExitCodes.Success;
            }

            await run.Error.WriteLineAsync($"amas: {over} finding(s) at or above {threshold}");
            return ExitCodes.Findings;
        });
        return command;
    }

    public static Command Cancel(GlobalOptions global)
    {
        var id = TaskId();
        var command = new Command("cancel", "Cancel a task.") { id };
        CliRun.Bind(command, global, async (parse, run, cancellationToken) =>
        {
            var status = await run.Gateway.PostJsonAsync($"/api/v1/tasks/{parse.GetValue(id)}/cancel", null, cancellationToken);
            await run.Out.WriteLineAsync(run.Json ? status.GetRawText() : $"{parse.GetValue(id)}: {Field(status, "lifecycle")}");
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command List(GlobalOptions global)
    {
        var status = new Option<string?>("--status") { Description = "pending, running, succeeded, failed or cancelled." };
        var kind = new Option<string?>("--kind") { Description = "Only tasks of this kind." };
        var limit = new Option<int>("--limit") { Description = "How many, newest first.", DefaultValueFactory = _ => 20 };
        var command = new Command("tasks", "List your tasks, newest first.") { status, kind, limit };
        CliRun.Bind(command, global, async (parse, run, cancellationToken) =>
        {
            var query = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"/api/v1/tasks?limit={parse.GetValue(limit)}"));
            if (parse.GetValue(status) is { } s)
            {
                query.Append("&status=").Append(Uri.EscapeDataString(s));
            }

            if (parse.GetValue(kind) is { } k)
            {
                query.Append("&kind=").Append(Uri.EscapeDataString(k));
            }

            var page = await run.Gateway.GetJsonAsync(query.ToString(), cancellationToken);
            if (run.Json)
            {
                await run.Out.WriteLineAsync(page.GetRawText());
                return ExitCodes.Success;
            }

            var rows = page.GetProperty("items").EnumerateArray()
                .Select(t => new[] { Field(t, "task_id"), Field(t, "kind"), Field(t, "lifecycle"), Field(t, "priority"), Field(t, "created_at") })
                .ToList();
            await run.Out.WriteAsync(Table.Render(["TASK", "KIND", "STATUS", "PRIORITY", "CREATED"], rows));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Argument<Guid> TaskId() => new("id") { Description = "The task id (as submit printed it)." };

    internal static string Field(JsonElement element, string name)
        => element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() ?? "",
            JsonValueKind.Null or JsonValueKind.Undefined => "",
            _ => value.GetRawText(),
        } : "";
}
