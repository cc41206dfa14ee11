using System.Diagnostics;
using System.Globalization;
using Amas.Orleans.Gateway.Api;

namespace Amas.Orleans.Gateway.Security.Audit;

/// <summary>
/// Writes the audit entry of a request once its answer is known. It sits outside everything else (exception
/// handler included), so it sees the status of every refusal: 401/403/429 and other 4xx as written, plus the
/// successes of endpoints marked <see cref="AuditedAction"/>. Ordinary answers (200 reads, a 404 for an id that does
/// not exist, a 409 "not finished yet") are not audit events.
/// </summary>
public sealed partial class AuditMiddleware(RequestDelegate next, IAuditLog log, AuditRedactor redactor, TimeProvider time, ILogger<AuditMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        await next(http);

        var status = http.Response.StatusCode;
        var endpoint = http.GetEndpoint();
        var audited = endpoint?.Metadata.GetMetadata<AuditedAction>();
        var result = status switch
        {
            StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden or StatusCodes.Status429TooManyRequests => AuditResults.Denied,
            _ when AuditNotes.IsDenied(http) => AuditResults.Denied,
            StatusCodes.Status404NotFound or StatusCodes.Status409Conflict => null,
            >= 400 and < 500 => AuditResults.Rejected,
            >= 200 and < 300 when audited is not null => AuditResults.Succeeded,
            _ => null,
        };
        if (result is null)
        {
            return;
        }

        var detail = new Dictionary<string, string>(AuditNotes.Detail(http), StringComparer.Ordinal)
        {
            ["status"] = status.ToString(CultureInfo.InvariantCulture),
            ["method"] = http.Request.Method,
        };
        if (http.User.FindFirst(SecurityClaims.Credential)?.Value is { } credential)
        {
            detail["credential"] = credential;
        }

        var entry = new AuditEntry
        {
            At = time.GetUtcNow(),
            Caller = Callers.Of(http),
            Action = audited?.Action ?? ActionOf(http, endpoint),
            Resource = ResourceOf(http, status),
            Result = result,
            Ip = http.Connection.RemoteIpAddress is { IsIPv4MappedToIPv6: true } mapped ? mapped.MapToIPv4() : http.Connection.RemoteIpAddress,
            TraceId = Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity ? activity.TraceId.ToHexString() : http.TraceIdentifier,
            Detail = detail,
        };

        try
        {
            // Not the request's token: a caller hanging up must not erase the record of what it tried.
            await log.WriteAsync(redactor.Redact(entry), CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogWriteFailed(logger, exception, entry.Action, entry.Result);
        }
    }

    /// <summary>The route as declared (<c>GET /api/v1/tasks/{id:guid}</c>), so refusals of one endpoint group together.</summary>
    private static string ActionOf(HttpContext http, Endpoint? endpoint)
        => endpoint is RouteEndpoint route
            ? $"{http.Request.Method} {route.RoutePattern.RawText}"
            : $"{http.Request.Method} {http.Request.PathBase}{http.Request.Path}";

    /// <summary>What was created (its Location) or what was asked for; never the query string, where tokens hide.</summary>
    private static string ResourceOf(HttpContext http, int status)
        => status is StatusCodes.Status201Created or StatusCodes.Status202Accepted && http.Response.Headers.Location is { Count: > 0 } location
            ? location.ToString()
            : $"{http.Request.PathBase}{http.Request.Path}";

    [LoggerMessage(Level = LogLevel.Error, Message = "The audit entry {Action} ({Result}) could not be written")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string action, string result);
}
