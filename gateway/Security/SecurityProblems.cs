using Amas.Orleans.Gateway.Security.Audit;
using Microsoft.AspNetCore.Mvc;

namespace Amas.Orleans.Gateway.Security;

/// <summary>
/// Words for the 401 and 403 problems (the status-code pages would only say "Unauthorized"), and a copy of every
/// problem's title and errors for the request's audit entry.
/// </summary>
public static class SecurityProblems
{
    public static void Customize(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        switch (problem.Status)
        {
            case StatusCodes.Status401Unauthorized:
                problem.Title = "Authentication is required.";
                problem.Detail ??= AuditNotes.Reason(http)
                    ?? $"Send an API key in the {SecuritySchemes.ApiKeyHeader} header or a bearer token in Authorization.";
                break;
            case StatusCodes.Status403Forbidden:
                problem.Title = "Your role does not allow this.";
                problem.Detail ??= $"Roles: {string.Join(" < ", Roles.All)}; yours: {string.Join(", ", Roles.All.Where(http.User.IsInRole).DefaultIfEmpty("none"))}.";
                break;
        }

        if (problem.Title is { } title)
        {
            AuditNotes.Add(http, "problem", title);
        }

        if (problem is HttpValidationProblemDetails { Errors.Count: > 0 } validation)
        {
            AuditNotes.Add(http, "errors", string.Join("; ", validation.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        }
        else if (problem.Detail is { } detail)
        {
            AuditNotes.Add(http, "problem_detail", detail);
        }
    }
}
