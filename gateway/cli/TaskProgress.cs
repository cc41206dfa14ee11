using System.Globalization;
using System.Text.Json;

namespace Amas.Orleans.Cli;

/// <summary>
/// Follows a task's status documents and writes one line per change — the task's lifecycle, each agent's state in its
/// layer — so a terminal and a CI log show the same readable run.
/// </summary>
public sealed class TaskProgress(TextWriter output)
{
    public static readonly IReadOnlySet<string> Ended = new HashSet<string>(StringComparer.Ordinal) { "succeeded", "failed", "cancelled" };

    private readonly Dictionary<string, string> _agents = new(StringComparer.Ordinal);
    private string? _lifecycle;

    /// <summary>Writes what changed since the previous status.</summary>
    public void Show(JsonElement status)
    {
        var lifecycle = status.GetProperty("lifecycle").GetString()!;
        if (lifecycle != _lifecycle)
        {
            _lifecycle = lifecycle;
            output.WriteLine($"task {status.GetProperty("task_id").GetString()}: {lifecycle}");
        }

        if (!status.TryGetProperty("layers", out var layers))
        {
            return;
        }

        foreach (var layer in layers.EnumerateArray())
        {
            var lane = string.Create(CultureInfo.InvariantCulture, $"layer {layer.GetProperty("layer").GetInt32()} {layer.GetProperty("name").GetString()}");
            foreach (var agent in layer.GetProperty("agents").EnumerateArray())
            {
                var name = agent.GetProperty("agent").GetString()!;
                var state = agent.GetProperty("status").GetString()!;
                if (_agents.TryGetValue(name, out var seen) && seen == state)
                {
                    continue;
                }

                _agents[name] = state;
                output.WriteLine($"  [{lane}] {name}: {state}{Details(agent, state)}");
            }
        }
    }

    private static string Details(JsonElement agent, string state)
    {
        if (state is "pending" or "running")
        {
            return "";
        }

        var parts = new List<string>();
        if (agent.TryGetProperty("duration_ms", out var duration) && duration.ValueKind == JsonValueKind.Number)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{duration.GetInt64() / 1000.0:F1} s"));
        }

        if (agent.TryGetProperty("finding_count", out var findings) && findings.ValueKind == JsonValueKind.Number)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{findings.GetInt32()} findings"));
        }

        if (agent.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var message))
        {
            parts.Add(message.GetString() ?? "");
        }

        return parts.Count == 0 ? "" : " (" + string.Join(", ", parts) + ")";
    }
}
