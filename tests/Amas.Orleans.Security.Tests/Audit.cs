using System.Net.Http.Json;
using System.Text.Json;

namespace Amas.Orleans.Gateway.Security.Tests;

/// <summary>Finds the audit entry of one response, read back as an admin through <c>GET /api/v1/admin/audit</c>.</summary>
internal static class Audit
{
    /// <summary>The entry whose trace id is the one in the response's problem details.</summary>
    public static async Task<JsonElement> FindAsync(SecuredGateway gateway, HttpResponseMessage response)
    {
        var problem = await response.ReadJsonAsync();
        var traceId = problem.GetProperty("trace_id").GetString()!;
        return await FindAsync(gateway, e => e.GetProperty("trace_id").GetString() is { Length: > 0 } id && traceId.Contains(id, StringComparison.Ordinal),
            $"trace id {traceId}");
    }

    public static async Task<JsonElement> FindAsync(SecuredGateway gateway, Func<JsonElement, bool> match, string what)
    {
        using var admin = gateway.WithKey(gateway.Keys["auditor"]);
        string? cursor = null;
        do
        {
            var page = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/audit?limit=500{(cursor is null ? "" : "&cursor=" + cursor)}");
            foreach (var entry in page.GetProperty("items").EnumerateArray())
            {
                if (match(entry))
                {
                    return entry;
                }
            }

            cursor = page.GetProperty("next_cursor").GetString();
        }
        while (cursor is not null);

        throw new Xunit.Sdk.XunitException($"No audit entry with {what}.");
    }
}
