using Amas.Orleans.Tasks;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Amas.Orleans.Gateway.Problems;

/// <summary>
/// Turns the typed exceptions of the grains and of request reading into RFC 7807 problem details. Anything not
/// known here is a 500 whose body says nothing about the internals; the log has the detail.
/// </summary>
internal sealed partial class GrainExceptionHandler(IProblemDetailsService problems, ILogger<GrainExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            TaskRejectedException rejected => new HttpValidationProblemDetails(rejected.Errors.ToDictionary(e => e.Key, e => e.Value))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = rejected.Message,
            },
            TaskNotFinishedException notFinished => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "The task has not finished.",
                Detail = notFinished.Message,
            },
            IdempotencyConflictException conflict => new ProblemDetails
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "Idempotency key reused for a different request.",
                Detail = conflict.Message,
            },
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = "The request could not be read.",
                Detail = bad.Message,
            },
            SiloUnavailableException or OrleansMessageRejectionException or GatewayTooBusyException or TimeoutException or global::Orleans.Runtime.Messaging.ConnectionFailedException
                or Npgsql.NpgsqlException => new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The cluster is not available right now; retry shortly.",
            },
            _ => null,
        };

        if (problem is null)
        {
            LogUnhandled(logger, exception, http.Request.Method, http.Request.Path);
            problem = new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "An unexpected error occurred." };
        }

        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            http.Response.Headers.RetryAfter = "2";
        }

        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
