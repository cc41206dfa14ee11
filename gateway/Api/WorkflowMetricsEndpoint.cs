using System.Globalization;
using Amas.Orleans.Gateway.Security;
using Amas.Orleans.Monitoring;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Amas.Orleans.Gateway.Api;

/// <summary>
/// <c>GET /api/v1/metrics/workflows?window=1h</c>: success rate, response time, provider usage, error rate and
/// throughput over the window, with the alerts whose thresholds they cross (the WorkflowMonitor, design §5).
/// </summary>
public static class WorkflowMetricsEndpoint
{
    public const string DefaultWindow = "1h";

    public static IEndpointRouteBuilder MapWorkflowMetricsEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/metrics/workflows", GetAsync).WithTags("Metrics").WithName("GetWorkflowMetrics").RequireAuthorization(AmasPolicies.Viewer);
        return app;
    }

    private static async Task<Results<Ok<WorkflowMetrics>, ProblemHttpResult>> GetAsync(IClusterClient cluster, string? window = null)
    {
        if (!TryParseWindow(window ?? DefaultWindow, out var span))
        {
            throw TaskRequestReader.Rejected(new Dictionary<string, string[]>
            {
                ["window"] = [$"'{window}' is not a window. Give a whole number with a unit s, m or h (e.g. 90s, 15m, 1h), from {WorkflowMetrics.MinWindow.TotalMinutes:0} minute to {WorkflowMetrics.MaxWindow.TotalHours:0} hours."],
            });
        }

        return await cluster.GetGrain<IWorkflowMonitorGrain>(0).GetMetricsAsync(span) is { } metrics
            ? TypedResults.Ok(metrics)
            : TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "The workflow monitor is unavailable.",
                detail: "Its storage cannot be read right now; try again shortly.");
    }

    /// <summary>A whole number and a unit (<c>s</c>, <c>m</c>, <c>h</c>), within the monitor's minimum and maximum window.</summary>
    public static bool TryParseWindow(string text, out TimeSpan window)
    {
        window = default;
        if (text.Length is < 2 or > 12)
        {
            return false;
        }

        var unit = text[^1];
        var digits = text[..^1];
        if (!digits.All(char.IsAsciiDigit) || !long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        TimeSpan? parsed = unit switch
        {
            's' when amount <= 1_000_000 => TimeSpan.FromSeconds(amount),
            'm' when amount <= 100_000 => TimeSpan.FromMinutes(amount),
            'h' when amount <= 10_000 => TimeSpan.FromHours(amount),
            _ => null,
        };
        if (parsed is not { } value || value < WorkflowMetrics.MinWindow || value > WorkflowMetrics.MaxWindow)
        {
            return false;
        }

        window = value;
        return true;
    }
}
