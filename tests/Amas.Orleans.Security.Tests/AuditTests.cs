using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Amas.Orleans.Testing;

namespace Amas.Orleans.Gateway.Security.Tests;

/// <summary>What the audit log holds after submissions, cancellations, key changes and refusals, as admins read it.</summary>
[Collection(SecuredGatewayCollection.Name)]
public sealed class AuditTests(SecuredGateway gateway)
{
    [Fact]
    public async Task Submission_and_cancellation_are_audited_with_caller_resource_ip_and_trace_id()
    {
        using var alice = gateway.WithKey(gateway.Keys["alice-operator"]);
        var task = await alice.SubmitAsync(gateway.Root);
        Assert.Equal(HttpStatusCode.OK, (await alice.PostAsync($"/api/v1/tasks/{task}/cancel", null)).StatusCode);

        var submitted = await Audit.FindAsync(gateway, e => e.GetProperty("action").GetString() == "task.submit" && e.GetProperty("resource").GetString() == $"/api/v1/tasks/{task}", "the submission");
        var cancelled = await Audit.FindAsync(gateway, e => e.GetProperty("action").GetString() == "task.cancel" && e.GetProperty("resource").GetString() == $"/api/v1/tasks/{task}/cancel", "the cancellation");

        foreach (var entry in new[] { submitted, cancelled })
        {
            Assert.Equal("alice", entry.GetProperty("caller").GetString());
            Assert.Equal("succeeded", entry.GetProperty("result").GetString());
            Assert.Equal("127.0.0.1", entry.GetProperty("ip").GetString());
            Assert.False(string.IsNullOrEmpty(entry.GetProperty("trace_id").GetString()));
            Assert.StartsWith("api_key:", entry.GetProperty("detail").GetProperty("credential").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal("202", submitted.GetProperty("detail").GetProperty("status").GetString());
        Assert.True(cancelled.GetProperty("id").GetInt64() > submitted.GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Key_creation_and_revocation_are_audited_without_the_key()
    {
        using var admin = gateway.Admin();
        using var created = await admin.PostAsJsonAsync("/api/v1/admin/api-keys", new { owner = "heidi", role = "operator" });
        var body = await created.ReadJsonAsync();
        var id = body.GetProperty("id").GetString()!;
        var key = body.GetProperty("key").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync($"/api/v1/admin/api-keys/{id}")).StatusCode);

        var creation = await Audit.FindAsync(gateway, e => e.GetProperty("action").GetString() == "api_key.create" && e.GetProperty("resource").GetString() == $"/api/v1/admin/api-keys/{id}", "the creation");
        var revocation = await Audit.FindAsync(gateway, e => e.GetProperty("action").GetString() == "api_key.revoke" && e.GetProperty("resource").GetString() == $"/api/v1/admin/api-keys/{id}", "the revocation");

        Assert.Equal("bootstrap", creation.GetProperty("caller").GetString());
        Assert.Equal("heidi", creation.GetProperty("detail").GetProperty("owner").GetString());
        Assert.Equal("operator", creation.GetProperty("detail").GetProperty("role").GetString());
        Assert.Equal("succeeded", revocation.GetProperty("result").GetString());
        using var reader = gateway.WithKey(gateway.Keys["alice-admin"]);
        Assert.DoesNotContain(key, await reader.GetStringAsync("/api/v1/admin/audit?limit=500"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Denied_requests_are_audited_with_the_reason()
    {
        using var nobody = gateway.WithKey(null);
        using var wrongKey = gateway.WithKey("amas_this-key-was-never-issued-by-anyone-at-all");
        using var viewer = gateway.WithKey(gateway.Keys["alice-viewer"]);

        using var noCredentials = await nobody.GetAsync("/api/v1/tasks");
        using var unknownKey = await wrongKey.GetAsync("/api/v1/tasks");
        using var forbidden = await viewer.PostJsonAsync("/api/v1/tasks", HttpJson.Submission(gateway.Root));

        var first = await Audit.FindAsync(gateway, noCredentials);
        Assert.Equal(("anonymous", "denied", "401"), Summary(first));
        Assert.Equal("GET /api/v1/tasks", first.GetProperty("action").GetString());
        var second = await Audit.FindAsync(gateway, unknownKey);
        Assert.Equal(("anonymous", "denied", "401"), Summary(second));
        Assert.Contains("not recognised", second.GetProperty("detail").GetProperty("reason").GetString(), StringComparison.Ordinal);
        // The key a caller tried is a secret too: it is not in the log.
        Assert.DoesNotContain("this-key-was-never-issued", second.GetRawText(), StringComparison.Ordinal);
        var third = await Audit.FindAsync(gateway, forbidden);
        Assert.Equal(("alice", "denied", "403"), Summary(third));
        Assert.Equal("task.submit", third.GetProperty("action").GetString());
    }

    [Fact]
    public async Task Secrets_and_personal_data_echoed_by_a_refusal_are_redacted_before_the_entry_is_written()
    {
        using var mallory = gateway.WithKey(gateway.Keys["mallory"]);
        var kind = $"{SampleRepository.GitHubToken} for jane.doe@example.com, call +44 20 7946 0958";

        using var response = await mallory.PostJsonAsync("/api/v1/tasks", JsonSerializer.Serialize(new { kind }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var entry = (await Audit.FindAsync(gateway, response)).GetRawText();
        Assert.DoesNotContain(SampleRepository.GitHubToken, entry, StringComparison.Ordinal);
        Assert.DoesNotContain("jane.doe@example.com", entry, StringComparison.Ordinal);
        Assert.DoesNotContain("7946", entry, StringComparison.Ordinal);
        Assert.Contains("[redacted secret/github", entry, StringComparison.Ordinal);
        Assert.Contains("[redacted email]", entry, StringComparison.Ordinal);
        Assert.Contains("[redacted phone]", entry, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_log_pages_newest_first_without_repeats_and_filters_by_caller_and_result()
    {
        using var nobody = gateway.WithKey(null);
        for (var i = 0; i < 3; i++)
        {
            await nobody.GetAsync("/api/v1/tasks");
        }

        using var admin = gateway.WithKey(gateway.Keys["alice-admin"]);
        var ids = new List<long>();
        string? cursor = null;
        for (var page = 0; page < 3; page++)
        {
            var body = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/audit?caller=anonymous&result=denied&limit=1{(cursor is null ? "" : "&cursor=" + cursor)}");
            var item = Assert.Single(body.GetProperty("items").EnumerateArray());
            Assert.Equal("anonymous", item.GetProperty("caller").GetString());
            Assert.Equal("denied", item.GetProperty("result").GetString());
            ids.Add(item.GetProperty("id").GetInt64());
            cursor = body.GetProperty("next_cursor").GetString();
            Assert.NotNull(cursor);
        }

        Assert.Equal(ids.OrderDescending(), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=501")]
    [InlineData("cursor=abc")]
    [InlineData("result=maybe")]
    public async Task Bad_audit_parameters_are_400_problems(string query)
    {
        using var admin = gateway.WithKey(gateway.Keys["alice-admin"]);

        HttpJson.AssertProblem(await admin.GetAsync($"/api/v1/admin/audit?{query}"), HttpStatusCode.BadRequest);
    }

    private static (string?, string?, string?) Summary(JsonElement entry)
        => (entry.GetProperty("caller").GetString(), entry.GetProperty("result").GetString(), entry.GetProperty("detail").GetProperty("status").GetString());
}
