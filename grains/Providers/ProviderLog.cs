using Microsoft.Extensions.Logging;

namespace Amas.Orleans.Providers;

/// <summary>Provider and router log lines. Error texts are redacted by the client before they get here.</summary>
internal static partial class ProviderLog
{
    [LoggerMessage(EventId = 5100, Level = LogLevel.Warning, Message = "Provider {Provider} failed: {Outcome} (HTTP {StatusCode}) after {LatencyMs} ms: {Error}")]
    public static partial void CallFailed(ILogger logger, string provider, string outcome, int? statusCode, double latencyMs, string? error);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Provider {Provider} is rate-limited until {Until}")]
    public static partial void RateLimited(ILogger logger, string provider, DateTimeOffset? until);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Error, Message = "Provider {Provider} is misconfigured (HTTP {StatusCode}); it will not be called until {Until}: {Error}")]
    public static partial void Misconfigured(ILogger logger, string provider, int? statusCode, DateTimeOffset? until, string? error);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Information, Message = "Provider {Provider} circuit went from {From} to {To}")]
    public static partial void CircuitChanged(ILogger logger, string provider, CircuitState from, CircuitState to);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Warning, Message = "Router request failed after {Attempts} attempts: {Error}")]
    public static partial void RequestFailed(ILogger logger, int attempts, string error);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Information, Message = "Providers: {Configured} of {Total} configured ({Ids}); unconfigured providers are never called")]
    public static partial void Configured(ILogger logger, int configured, int total, string ids);

    [LoggerMessage(EventId = 5106, Level = LogLevel.Error, Message = "Could not charge {Tokens} tokens to the AI budgets of task {TaskId} and caller {Caller}")]
    public static partial void BudgetChargeFailed(ILogger logger, Exception exception, Guid? taskId, string? caller, long tokens);

    [LoggerMessage(EventId = 5107, Level = LogLevel.Information, Message = "AI request refused: {Reason}")]
    public static partial void BudgetExhausted(ILogger logger, string reason);
}
