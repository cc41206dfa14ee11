namespace Amas.Orleans.Gateway.Api;

/// <summary>Who is calling. Without authentication (the embedded default) every caller is <c>anonymous</c>.</summary>
public static class Callers
{
    public const string Anonymous = "anonymous";

    public static string Of(HttpContext http) => http.User.Identity?.Name is { Length: > 0 } name ? name : Anonymous;
}
