using System.Globalization;
using System.Threading.RateLimiting;
using Amas.Orleans.Gateway.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Amas.Orleans.Gateway.Security;

/// <summary>
/// A fixed window of requests per caller, with ASP.NET Core's rate limiter: authenticated callers by name, anyone
/// else by client address (so guessing keys is limited too). Over the limit: 429 problem details with Retry-After.
/// The window is per gateway process.
/// </summary>
public static class CallerRateLimiting
{
    public static void Configure(RateLimiterOptions limiter, RateLimitSettings settings)
    {
        limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            RateLimitPartition.GetFixedWindowLimiter(PartitionOf(http), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = settings.PermitLimit,
                Window = settings.Window,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.OnRejected = async (context, cancellationToken) =>
        {
            var http = context.HttpContext;
            var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : settings.Window;
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = "Too many requests.",
                    Detail = $"At most {settings.PermitLimit} requests per {settings.Window} per caller; retry in {seconds} s.",
                },
            });
        };
    }

    public static string PartitionOf(HttpContext http)
        => http.User.Identity?.IsAuthenticated == true
            ? "caller:" + Callers.Of(http)
            : "address:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
}
