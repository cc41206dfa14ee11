using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Amas.Orleans.Cli.Commands;

/// <summary><c>amas providers</c>, <c>amas agents</c> and <c>amas generate</c>: what the cluster offers besides tasks.</summary>
public static class ClusterCommands
{
    public static Command Providers(GlobalOptions global)
    {
        var command = new Command("providers", "AI providers: configured or not, circuit, latency, error rate, usage.");
        CliRun.Bind(command, global, async (_, run, cancellationToken) =>
        {
            var providers = await run.Gateway.GetJsonAsync("/api/v1/providers", cancellationToken);
            if (run.Json)
            {
                await run.Out.WriteLineAsync(providers.GetRawText());
                return ExitCodes.Success;
            }

            var rows = providers.EnumerateArray().Select(p =>
            {
                var health = p.GetProperty("health");
                return new[]
                {
                    TaskCommands.Field(health, "id"), TaskCommands.Field(p, "status"), TaskCommands.Field(health, "model"),
                    TaskCommands.Field(health, "circuit"), Number(health, "average_latency_ms", "F0"), Number(health, "error_rate", "P0"),
                    TaskCommands.Field(health, "calls"),
                };
            }).ToList();
            await run.Out.WriteAsync(Table.Render(["PROVIDER", "STATUS", "MODEL", "CIRCUIT", "LATENCY_MS", "ERRORS", "CALLS"], rows));
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command Agents(GlobalOptions global)
    {
        var command = new Command("agents", "The agents of the cluster by layer, with what they can do.");
        CliRun.Bind(command, global, async (_, run, cancellationToken) =>
        {
            var agents = await run.Gateway.GetJsonAsync("/api/v1/agents", cancellationToken);
            if (run.Json)
            {
                await run.Out.WriteLineAsync(agents.GetRawText());
                return ExitCodes.Success;
            }

            var rows = agents.EnumerateArray().Select(a => new[]
            {
                TaskCommands.Field(a, "layer"), TaskCommands.Field(a, "name"),
                string.Join(",", a.GetProperty("capabilities").EnumerateArray().Select(c => c.GetString())),
                TaskCommands.Field(a, "description"),
            }).ToList();
            await run.Out.WriteAsync(Table.Render(["LAYER", "AGENT", "CAPABILITIES", "DESCRIPTION"], rows));
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command Generate(GlobalOptions global)
    {
        var prompt = new Argument<string>("prompt") { Description = "What to ask." };
        var system = new Option<string?>("--system") { Description = "A system prompt." };
        var strategy = new Option<string?>("--strategy") { Description = "intelligent, priority, round_robin or fastest." };
        var maxTokens = new Option<int?>("--max-tokens") { Description = "Upper bound on the answer's length." };
        var data = new Option<FileInfo[]>("--data") { Description = "A file the prompt is about, sent as untrusted data, never as instructions (repeat for more)." };
        var command = new Command("generate", "Ask the AI router for a completion.") { prompt, system, strategy, maxTokens, data };
        CliRun.Bind(command, global, async (parse, run, cancellationToken) =>
        {
            var body = new JsonObject { ["prompt"] = parse.GetValue(prompt) };
            if (parse.GetValue(system) is { } s)
            {
                body["system_prompt"] = s;
            }

            if (parse.GetValue(strategy) is { } r)
            {
                body["strategy"] = r;
            }

            if (parse.GetValue(maxTokens) is { } m)
            {
                body["max_tokens"] = m;
            }

            if (parse.GetValue(data) is { Length: > 0 } files)
            {
                var documents = new JsonArray();
                foreach (var file in files)
                {
                    if (!file.Exists)
                    {
                        throw new UsageException($"--data {file.FullName} does not exist.");
                    }

                    documents.Add(new JsonObject { ["name"] = file.Name, ["content"] = await File.ReadAllTextAsync(file.FullName, cancellationToken) });
                }

                body["data"] = documents;
            }

            JsonElement answer;
            try
            {
                answer = await run.Gateway.PostJsonAsync("/api/v1/ai/generate", body, cancellationToken);
            }
            catch (GatewayException ex) when (ex.Status == System.Net.HttpStatusCode.BadGateway)
            {
                // 502 means no provider answered; the message names each attempt.
                throw new GatewayException($"no provider answered. {ex.Message}", ex.Status, ex);
            }

            await run.Out.WriteLineAsync(run.Json ? answer.GetRawText() : TaskCommands.Field(answer, "content"));
            if (!run.Json)
            {
                await run.Error.WriteLineAsync($"— {TaskCommands.Field(answer, "provider")} ({TaskCommands.Field(answer, "model")}), {Number(answer, "latency_ms", "F0")} ms");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static string Number(JsonElement element, string name, string format)
        => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetDouble().ToString(format, CultureInfo.InvariantCulture)
            : "";
}
