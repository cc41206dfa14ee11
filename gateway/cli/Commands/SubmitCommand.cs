using System.CommandLine;
using System.Text.Json.Nodes;

namespace Amas.Orleans.Cli.Commands;

/// <summary>
/// <c>amas submit KIND [--path P | --git URL [--ref R]] [options] [--wait] [--fail-on SEVERITY]</c>; osint, forensics
/// (a path or an uploaded file) and issue_respond take their inputs as options.
/// </summary>
public static class SubmitCommand
{
    public static Command Create(GlobalOptions global)
    {
        var kind = new Argument<string>("kind") { Description = "orchestrate, self_improve, issue_respond, osint or forensics." };
        var path = new Option<string?>("--path") { Description = "A local repository under one of the gateway's allowed roots (made absolute here)." };
        var git = new Option<string?>("--git") { Description = "A git URL the cluster may clone." };
        var gitRef = new Option<string?>("--ref") { Description = "Branch, tag or commit of --git." };
        var mode = new Option<string?>("--mode") { Description = "The kind's mode (the gateway lists the valid ones when one is wrong)." };
        var components = new Option<string[]>("--components") { Description = "Components to analyse: all, code_quality, security, performance, documentation.", AllowMultipleArgumentsPerToken = true };
        var areas = new Option<string[]>("--areas") { Description = "Areas for self_improve.", AllowMultipleArgumentsPerToken = true };
        var priority = new Option<string?>("--priority") { Description = "low, normal, high or critical." };
        var depth = new Option<string?>("--depth") { Description = "How deep self_improve and issue_respond go." };
        var autoApply = new Option<bool>("--auto-apply") { Description = "Let the task commit its accepted fixes to a new branch." };
        var deadline = new Option<int?>("--deadline") { Description = "The task's deadline in seconds." };
        var idempotencyKey = new Option<string?>("--idempotency-key") { Description = "Submitting again with the same key returns the same task." };
        var wait = new Option<bool>("--wait") { Description = "Follow the task's progress until it ends; the exit code then reflects its outcome." };
        var failOn = new Option<string?>("--fail-on") { Description = "Exit with 1 when findings at or above this severity exist (implies --wait)." };
        failOn.AcceptOnlyFromAmong([.. SeverityThreshold.Names]);
        var urls = new Option<string[]>("--page") { Description = "osint: a page URL to start from (repeat for more; --url is the gateway)." };
        var keywords = new Option<string[]>("--keyword") { Description = "osint: a term to count (repeat, or comma-separated).", AllowMultipleArgumentsPerToken = true };
        var filePath = new Option<string?>("--file-path") { Description = "forensics: a file under one of the gateway's allowed roots." };
        var upload = new Option<FileInfo?>("--file") { Description = "forensics: a file on this machine, uploaded with the task." };
        var issueTitle = new Option<string?>("--issue-title") { Description = "issue_respond: the issue's title." };
        var issueBody = new Option<FileInfo?>("--issue-body") { Description = "issue_respond: a file holding the issue's body ('-' is not accepted: give a file)." };
        var labels = new Option<string[]>("--label") { Description = "issue_respond: an issue label (repeat, or comma-separated).", AllowMultipleArgumentsPerToken = true };
        var language = new Option<string?>("--language") { Description = "issue_respond: the answer's language (auto, english, spanish, french, german, chinese, japanese)." };
        var autoFix = new Option<bool>("--auto-fix") { Description = "issue_respond: run the fix pipeline on the repository." };

        var command = new Command("submit", "Submit a task.")
        {
            kind, path, git, gitRef, mode, components, areas, priority, depth, autoApply, deadline, idempotencyKey, wait, failOn,
            urls, keywords, filePath, upload, issueTitle, issueBody, labels, language, autoFix,
        };
        CliRun.Bind(command, global, async (parse, run, cancellationToken) =>
        {
            var body = new JsonObject { ["kind"] = parse.GetValue(kind) };
            if (Target(parse.GetValue(path), parse.GetValue(git), parse.GetValue(gitRef)) is { } target)
            {
                body["target"] = target;
            }

            var options = new JsonObject();
            Set(options, "mode", parse.GetValue(mode));
            Set(options, "priority", parse.GetValue(priority));
            Set(options, "depth", parse.GetValue(depth));
            SetList(options, "components", parse.GetValue(components));
            SetList(options, "areas", parse.GetValue(areas));
            if (parse.GetValue(autoApply))
            {
                options["auto_apply"] = true;
            }

            if (parse.GetValue(deadline) is { } seconds)
            {
                options["deadline_seconds"] = seconds;
            }

            SetList(options, "urls", parse.GetValue(urls));
            SetList(options, "keywords", parse.GetValue(keywords));
            Set(options, "file_path", parse.GetValue(filePath));
            Set(options, "language", parse.GetValue(language));
            if (parse.GetValue(autoFix))
            {
                options["auto_fix"] = true;
            }

            if (await IssueAsync(parse.GetValue(issueTitle), parse.GetValue(issueBody), parse.GetValue(labels), cancellationToken) is { } issue)
            {
                options["issue"] = issue;
            }

            if (options.Count > 0)
            {
                body["options"] = options;
            }

            var file = parse.GetValue(upload);
            if (file is { Exists: false })
            {
                throw new UsageException($"--file {file.FullName} does not exist.");
            }

            var accepted = file is null
                ? await run.Gateway.PostJsonAsync("/api/v1/tasks", body, cancellationToken, parse.GetValue(idempotencyKey))
                : await run.Gateway.PostUploadAsync("/api/v1/tasks", body, file, cancellationToken, parse.GetValue(idempotencyKey));
            var id = accepted.GetProperty("task_id").GetGuid();
            var threshold = parse.GetValue(failOn);
            if (!parse.GetValue(wait) && threshold is null)
            {
                await run.Out.WriteLineAsync(run.Json ? accepted.GetRawText() : id.ToString());
                return ExitCodes.Success;
            }

            var status = await TaskWaiter.WaitAsync(run, id, cancellationToken);
            return await TaskWaiter.SettleAsync(run, status, threshold, cancellationToken);
        });
        return command;
    }

    private static async Task<JsonObject?> IssueAsync(string? title, FileInfo? bodyFile, string[]? labels, CancellationToken cancellationToken)
    {
        if (title is null && bodyFile is null && labels is not { Length: > 0 })
        {
            return null;
        }

        if (bodyFile is { Exists: false })
        {
            throw new UsageException($"--issue-body {bodyFile.FullName} does not exist.");
        }

        var issue = new JsonObject { ["title"] = title ?? "" };
        if (bodyFile is not null)
        {
            issue["body"] = await File.ReadAllTextAsync(bodyFile.FullName, cancellationToken);
        }

        SetList(issue, "labels", labels);
        return issue;
    }

    private static JsonObject? Target(string? path, string? git, string? gitRef)
    {
        if (path is not null && git is not null)
        {
            throw new UsageException("give either --path or --git, not both.");
        }

        if (gitRef is not null && git is null)
        {
            throw new UsageException("--ref needs --git.");
        }

        if (path is not null)
        {
            // The gateway resolves paths on its own machine: send what this shell means by the path.
            return new JsonObject { ["path"] = Path.GetFullPath(path) };
        }

        if (git is null)
        {
            return null;
        }

        var target = new JsonObject { ["git_url"] = git };
        Set(target, "ref", gitRef);
        return target;
    }

    private static void Set(JsonObject json, string name, string? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }

    /// <summary>Accepts <c>--components security performance</c> and <c>--components security,performance</c>.</summary>
    private static void SetList(JsonObject json, string name, string[]? values)
    {
        if (values is { Length: > 0 })
        {
            json[name] = new JsonArray([.. values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Select(v => JsonValue.Create(v))]);
        }
    }
}
